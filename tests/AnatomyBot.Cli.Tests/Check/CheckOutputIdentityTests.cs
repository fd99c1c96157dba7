using System.Diagnostics;
using System.Security.Cryptography;
using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Synthetic;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary>Pins <c>check</c>'s whole output, byte for byte, on the synthetic backlogs the benchmarks measure: 3,000 Azure
/// DevOps work items and 600 GitHub issues and pull requests (parents, cycles, missing and repeated ids, links, exempt
/// items, unknown and mistyped ids, unreadable entries) against the 540-element synthetic anatomy. The expected
/// SHA-256 of each format was last taken when closed items began to be marked closed and kept below a block
/// verdict (only the closed items' state and their pull requests' block gaps, now warnings, changed); a change to the engine's internals must leave
/// them as they are. A change meant to alter the output (a new gap text, a new field) updates
/// them in its own commit, with the reason.</summary>
public sealed class CheckOutputIdentityTests : IClassFixture<CheckOutputIdentityTests.Inputs>
{
    private readonly Inputs _inputs;

    public CheckOutputIdentityTests(Inputs inputs) => _inputs = inputs;

    [Theory]
    [InlineData("json", "a848fe722d8392a0e136f228260ec769af2bc3ccd5d8b629212ed72cf2dd31b6")]
    [InlineData("text", "40ad5c075ddccac752558cade14a5317ba7023c79d7f3b8d61e50f2a329895ae")]
    [InlineData("markdown", "86bc1e93ba1753011d4ff57f8b25f4ed26edb54f06e875e1bdcfecea710b2523")]
    public void Check_SyntheticBacklogs_OutputUnchangedByteForByte(string format, string expectedSha256)
    {
        var (exit, stdout, stderr) = Run(_inputs.Folder, "check", "--anatomy", "anatomy.yml", "--backlog", "backlog.json",
            "--backlog", "issues.json", "--format", format, "--fail-on", "warn");

        Assert.Equal("", stderr);
        Assert.Equal(1, exit);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stdout));
        if (actual != expectedSha256)
        {
            var kept = Path.Combine(Path.GetTempPath(), $"anatomybot-check-identity.{format}");
            File.WriteAllBytes(kept, stdout);
            Assert.Fail($"check --format {format} wrote {stdout.Length} bytes with SHA-256 {actual}, not {expectedSha256}; the output is in {kept}");
        }
    }

    /// <summary>Runs the built CLI in <paramref name="folder"/> and keeps standard output as bytes (not decoded), so
    /// the hash is of exactly what the command wrote.</summary>
    private static (int ExitCode, byte[] Stdout, string Stderr) Run(string folder, params string[] args)
    {
        var start = CliRunner.StartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = folder;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("anatomybot check did not finish in 120 s");
        }

        return (process.ExitCode, stdout.ToArray(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The synthetic anatomy and backlogs, written once for the three formats.</summary>
    public sealed class Inputs : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public Inputs()
        {
            _directory.File("anatomy.yml", SyntheticAnatomy.Yaml());
            using (var backlog = File.Create(Path.Combine(Folder, "backlog.json")))
            {
                SyntheticBacklog.Write(backlog, 3_000, seed: 42);
            }

            using var issues = File.Create(Path.Combine(Folder, "issues.json"));
            SyntheticIssues.Write(issues, 600, seed: 7);
        }

        public string Folder => _directory.Path;

        public void Dispose() => _directory.Dispose();
    }
}
