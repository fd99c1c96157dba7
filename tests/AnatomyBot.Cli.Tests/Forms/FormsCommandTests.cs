using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Forms;

/// <summary><c>anatomybot forms</c>, run as a process: the generated issue forms against golden files, and regeneration
/// that rewrites nothing when nothing changed.</summary>
public sealed class FormsCommandTests
{
    private static readonly string[] FormNames = ["epic.yml", "feature.yml", "story.yml"];

    [Fact]
    public async Task Forms_SampleAnatomy_WritesTheGoldenForms()
    {
        using var folder = new TempDirectory();
        var target = Path.Combine(folder.Path, ".github", "ISSUE_TEMPLATE");

        var result = await CliRunner.RunAsync("forms", "--anatomy", RepoPaths.SampleAnatomy, "--out", target);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(FormNames.Select(n => "wrote " + Path.Combine(target, n)), result.StdoutLines);
        foreach (var name in FormNames)
        {
            GoldenFiles.AssertMatches("Forms", name, File.ReadAllText(Path.Combine(target, name)));
        }
    }

    [Fact]
    public async Task Forms_RunAgainUnchanged_RewritesNothing()
    {
        using var folder = new TempDirectory();
        var anatomy = folder.File("anatomy.yml", File.ReadAllText(RepoPaths.SampleAnatomy));
        await CliRunner.RunAsync("forms", "--anatomy", anatomy, "--out", folder.Path);
        var written = DateTime.UtcNow.AddDays(-1);
        var before = FormNames.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(folder.Path, n)));
        foreach (var name in FormNames)
        {
            File.SetLastWriteTimeUtc(Path.Combine(folder.Path, name), written);
        }

        var result = await CliRunner.RunAsync("forms", "--anatomy", anatomy, "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(FormNames.Select(n => "unchanged " + Path.Combine(folder.Path, n)), result.StdoutLines);
        foreach (var name in FormNames)
        {
            Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(folder.Path, name)));
            Assert.Equal(before[name], File.ReadAllBytes(Path.Combine(folder.Path, name)));
        }
    }

    [Fact]
    public async Task Forms_ComponentRenamed_RewritesOnlyTheStoryForm()
    {
        using var folder = new TempDirectory();
        var text = File.ReadAllText(RepoPaths.SampleAnatomy);
        var anatomy = folder.File("anatomy.yml", text);
        await CliRunner.RunAsync("forms", "--anatomy", anatomy, "--out", folder.Path);
        Assert.Contains("name: Welcome notification", text, StringComparison.Ordinal);
        folder.File("anatomy.yml", text.Replace("name: Welcome notification", "name: Welcome message", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("forms", "--anatomy", anatomy, "--out", folder.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["unchanged " + Path.Combine(folder.Path, "epic.yml"), "unchanged " + Path.Combine(folder.Path, "feature.yml"), "wrote " + Path.Combine(folder.Path, "story.yml")],
            result.StdoutLines);
        Assert.Contains("— Welcome message", File.ReadAllText(Path.Combine(folder.Path, "story.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_MissingAnatomy_ExitsTwoAndWritesNothing()
    {
        using var folder = new TempDirectory();
        var target = Path.Combine(folder.Path, "forms");

        var result = await CliRunner.RunAsync("forms", "--anatomy", Path.Combine(folder.Path, "missing.yml"), "--out", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }
}
