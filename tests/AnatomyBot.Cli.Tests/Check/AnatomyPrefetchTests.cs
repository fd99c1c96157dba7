using AnatomyBot.Cli.Input;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary>check's anatomy read while the command line is set up: only for the file the command line names, with
/// what loading it there would have given, failures included.</summary>
public sealed class AnatomyPrefetchTests
{
    private static readonly string Anatomy = CheckCli.Fixture("anatomy.yml");

    [Theory]
    [InlineData("--anatomy", null)]
    [InlineData("--anatomy=", "=")]
    [InlineData("--anatomy:", ":")]
    public void Take_TheFileCheckNames_SameResultAsLoadingIt(string option, string? joined)
    {
        string[] args = joined is null
            ? ["check", "--backlog", "b.json", option, Anatomy, "--format", "json"]
            : ["check", "--backlog", "b.json", option + Anatomy];

        var taken = AnatomyPrefetch.Start(args)!.Take(Anatomy)!;
        var loaded = AnatomyFileLoader.Load(Anatomy);

        Assert.Equal(loaded.Name, taken.Name);
        Assert.Null(taken.Failure);
        Assert.Equal(loaded.Anatomy!.Elements.Select(e => e.Id), taken.Anatomy!.Elements.Select(e => e.Id));
    }

    [Fact]
    public void Take_AnInvalidAnatomy_SameLinesAsLoadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"anatomybot-prefetch-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "version: 1\noutcomes:\n  - id: O-1\n    nme: typo\n");
        try
        {
            var taken = AnatomyPrefetch.Start(["check", "--anatomy", path])!.Take(path)!;

            Assert.NotEmpty(taken.ErrorLines);
            Assert.Equal(AnatomyFileLoader.Load(path).ErrorLines, taken.ErrorLines);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Take_AnotherPath_NothingSoTheCallerLoadsItself()
    {
        var prefetch = AnatomyPrefetch.Start(["check", "--anatomy", Anatomy]);

        Assert.Null(prefetch!.Take(Anatomy + ".other"));
    }

    [Theory]
    [InlineData("lint --anatomy anatomy.yml")]
    [InlineData("check --backlog b.json")]
    [InlineData("check --anatomy")]
    [InlineData("check --anatomy a.yml --anatomy b.yml")]
    [InlineData("check --anatomy a.yml @check.rsp")]
    [InlineData("check -- --anatomy a.yml")]
    [InlineData("--version")]
    public void Start_NoSingleAnatomyForCheck_NothingStarted(string commandLine)
    {
        var loads = 0;

        Assert.Null(AnatomyPrefetch.Start(commandLine.Split(' '), _ => AnatomyLoadResult.Unreadable("x", $"load {++loads}")));
        Assert.Equal(0, loads);
    }

    [Fact]
    public void Take_TheLoadThrew_TheSameExceptionComesOutWhereTheCallerLoads()
    {
        var prefetch = AnatomyPrefetch.Start(["check", "--anatomy", "a.yml"], _ => throw new InvalidOperationException("the load failed"));

        var error = Assert.Throws<InvalidOperationException>(() => prefetch!.Take("a.yml"));

        Assert.Equal("the load failed", error.Message);
    }
}
