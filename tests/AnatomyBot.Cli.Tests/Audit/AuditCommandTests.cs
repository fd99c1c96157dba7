using AnatomyBot.Cli.Tests.Infrastructure;
using AnatomyBot.Core.Audit;
using AnatomyBot.Storage.Sqlite;

namespace AnatomyBot.Cli.Tests.Audit;

/// <summary>Runs the built <c>anatomybot audit</c> against a real SQLite ledger; the listings are golden files.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData("text", "audit.txt")]
    [InlineData("json", "audit.json")]
    [InlineData("markdown", "audit.md")]
    public async Task Store_EachFormat_MatchesTheGoldenFile(string format, string golden)
    {
        var ledger = await SeedAsync();

        var result = await CliRunner.RunAsync("audit", "--store", ledger, "--format", format);

        Assert.True(result.ExitCode == 0, result.ToString());
        GoldenFiles.AssertMatches("Audit", golden, result.Stdout);
    }

    [Fact]
    public async Task Store_Since_ListsFromThatDayOn()
    {
        var ledger = await SeedAsync();

        var result = await CliRunner.RunAsync("audit", "--store", ledger, "--since", "2026-12-01");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "2026-12-01 10:00Z  carol  -  mode report -> label  https://github.com/contoso/architecture/commit/4f2a9c1",
                "2026-12-02 14:30Z  alice  contoso/web#123  unwaive no-component  https://github.com/contoso/web/pull/123#issuecomment-1002",
                "2 entries.",
            ],
            result.StdoutLines);
    }

    [Theory]
    [InlineData("--since", "2026-13-01", "audit: --since must be a date written YYYY-MM-DD, not '2026-13-01'")]
    [InlineData("--format", "csv", "csv")]
    public async Task Store_BadOption_Exit2(string option, string value, string message)
    {
        var ledger = await SeedAsync();

        var result = await CliRunner.RunAsync("audit", "--store", ledger, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Store_NoSuchFile_Exit2AndNoFileCreated()
    {
        var missing = Path.Combine(_directory.Path, "none.db");

        var result = await CliRunner.RunAsync("audit", "--store", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"audit: no ledger at '{missing}'", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Store_EmptyLedger_SaysSo()
    {
        var path = Path.Combine(_directory.Path, "empty.db");
        using (var database = new SqliteLedgerDatabase(path))
        {
            // The first read creates the file and its schema.
            await foreach (var entry in new SqliteAuditLedger(database).ListAsync(T0, 1, CancellationToken.None))
            {
                Assert.Fail($"a new ledger holds {entry}");
            }
        }

        var result = await CliRunner.RunAsync("audit", "--store", path);

        Assert.Equal((0, "No audit entries.\n"), (result.ExitCode, result.Stdout));
    }

    private async Task<string> SeedAsync()
    {
        var path = Path.Combine(_directory.Path, "ledger.db");
        using var database = new SqliteLedgerDatabase(path);
        var audit = new SqliteAuditLedger(database);
        AuditEntry[] entries =
        [
            new() { At = T0, Actor = "@contoso/architects", Action = AuditAction.Waive, Item = "contoso/web#123", Subject = "W-2026-014: no-component", Until = new DateOnly(2026, 12, 31), Reason = "Spike; the component spec follows in Q1", Origin = "https://github.com/contoso/architecture/commit/9b1e77d", Key = "file:W-2026-014" },
            new() { At = T0.AddHours(2), Actor = "dana", Action = AuditAction.Link, Item = "4711", Subject = "component:C-LEDGER", Origin = "https://dev.azure.com/contoso/Onboarding/_git/web/pullrequest/88?discussionId=5" },
            new() { At = T0.AddHours(3), Actor = "erin", Action = AuditAction.Exempt, Item = "contoso/web#130", Subject = "anatomy:exempt" },
            new() { At = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), Actor = "carol", Action = AuditAction.Mode, Subject = "report -> label", Origin = "https://github.com/contoso/architecture/commit/4f2a9c1" },
            new() { At = new DateTimeOffset(2026, 12, 2, 14, 30, 0, TimeSpan.Zero), Actor = "alice", Action = AuditAction.Unwaive, Item = "contoso/web#123", Subject = "no-component", Origin = "https://github.com/contoso/web/pull/123#issuecomment-1002" },
        ];
        foreach (var entry in entries)
        {
            Assert.True(await audit.AppendAsync(entry, CancellationToken.None));
        }

        return path;
    }

    public void Dispose() => _directory.Dispose();
}
