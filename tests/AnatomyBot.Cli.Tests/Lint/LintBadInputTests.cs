using System.Text;
using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Lint;

/// <summary>Every bad input of the issue: one clear line naming the file and the problem, exit 2, no stack trace, no hang.</summary>
public sealed class LintBadInputTests : IDisposable
{
    private static readonly CliRunOptions Bounded = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static async Task<string> AssertOneLineExitTwo(string file, string expected)
    {
        var result = await CliRunner.RunAsync(["lint", file], Bounded);

        Assert.False(result.TimedOut, result.ToString());
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.AllLines);
        Assert.StartsWith(file, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.ToString(), StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public Task MissingFile() => AssertOneLineExitTwo(Path.Combine(_temp.Path, "nope.yml"), "error: file not found");

    [Fact]
    public Task EmptyFile() => AssertOneLineExitTwo(_temp.File("empty.yml", string.Empty), "error: the file is empty");

    [Fact]
    public Task WhitespaceOnlyFile() => AssertOneLineExitTwo(_temp.File("blank.yml", "\n   \n# nothing\n"), "error empty-document");

    [Fact]
    public Task Directory() => AssertOneLineExitTwo(_temp.Path, "error: is a directory");

    [Fact]
    public Task BinaryGarbage()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        return AssertOneLineExitTwo(_temp.File("garbage.yml", bytes), "error: the file is binary");
    }

    [Fact]
    public Task NotUtf8() => AssertOneLineExitTwo(_temp.File("latin1.yml", [.. "version: 1\nname: "u8, 0xE9, 0x74, 0xE9, (byte)'\n']), "error: the file is not UTF-8 text");

    [Fact]
    public Task Utf16() => AssertOneLineExitTwo(_temp.File("utf16.yml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("version: 1\n")).ToArray()), "UTF-16");

    [Fact]
    public async Task FiftyMegabyteFile()
    {
        var path = Path.Combine(_temp.Path, "huge.yml");
        await using (var stream = File.Create(path))
        {
            var line = "# padding padding padding padding padding padding padding padding padding\n"u8.ToArray();
            for (long written = 0; written < 50L * 1024 * 1024; written += line.Length)
            {
                stream.Write(line);
            }
        }

        await AssertOneLineExitTwo(path, "anatomy files are limited to 10 MiB");
    }

    [Fact]
    public Task AliasBomb()
    {
        var bomb = new StringBuilder("version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'z'; level++)
        {
            bomb.Append(level).Append(": &").Append(level).Append(" [").AppendJoin(',', Enumerable.Repeat("*" + (char)(level - 1), 9)).Append("]\n");
        }

        return AssertOneLineExitTwo(_temp.File("bomb.yml", bomb.ToString()), ":2:4: error alias-forbidden");
    }

    [Fact]
    public Task DeeplyNestedFlow() =>
        AssertOneLineExitTwo(_temp.File("deep.yml", "version: 1\nx: " + new string('[', 100_000) + new string(']', 100_000) + "\n"), "error too-deep");

    [Fact]
    public Task DeeplyNestedBlocks()
    {
        var yaml = new StringBuilder("version: 1\n");
        for (var i = 0; i < 200; i++)
        {
            yaml.Append(' ', i * 2).Append("level").Append(i).Append(":\n");
        }

        return AssertOneLineExitTwo(_temp.File("deep-blocks.yml", yaml.ToString()), "error too-deep");
    }

    [Fact]
    public Task InvalidYamlSyntax() => AssertOneLineExitTwo(_temp.File("syntax.yml", "version: 1\noutcomes: [unclosed\n"), "error yaml-syntax");
}
