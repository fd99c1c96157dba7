using AnatomyBot.Cli.Commands;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Cli.Digest;

/// <summary>One run of <c>anatomybot digest</c>: validates the flags, builds the digest with the same
/// <see cref="DigestService"/> the Functions timer uses, and writes it.</summary>
internal sealed record DigestInvocation(
    string? Store,
    string? AnatomyPath,
    IReadOnlyList<string> Backlogs,
    string? Week,
    string? TimeZoneId,
    string? Output,
    string? Html,
    DigestFlavor Flavor)
{
    public async Task<int> RunAsync(TextWriter stdout, TextWriter stderr, TimeProvider clock, CancellationToken cancellationToken)
    {
        if ((Store is null) == (Backlogs.Count == 0))
        {
            return Fail(stderr, "digest: give either --store (the ledger) or --anatomy with --backlog (a stateless digest), not both.");
        }

        if (!TryTimeZone(out var timeZone))
        {
            return Fail(stderr, $"digest: --time-zone '{TimeZoneId}' is not a known time zone.");
        }

        var anatomy = new EnterpriseAnatomy([], [], [], []);
        if (AnatomyPath is not null)
        {
            var loaded = await LoadAnatomyAsync(stderr, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                return DigestCommand.InvalidInput;
            }

            anatomy = loaded;
        }

        WeeklyDigest digest;
        if (Store is not null)
        {
            IsoWeek week;
            if (Week is null)
            {
                week = IsoWeek.LastComplete(clock.GetUtcNow(), timeZone);
            }
            else if (!IsoWeek.TryParse(Week, out week))
            {
                return Fail(stderr, $"digest: --week '{Week}' is not an ISO week such as 2026-W48.");
            }

            if (await OpenLedgerAsync(stderr).ConfigureAwait(false) is not { } ledger)
            {
                return DigestCommand.InvalidInput;
            }

            await using (ledger.ConfigureAwait(false))
            {
                var request = AnatomyPath is null ? new DigestRequest { Anatomy = anatomy, Week = week, TimeZone = timeZone } : DigestRequest.For(anatomy, week, timeZone);
                digest = await new DigestService(ledger.GetRequiredService<IEvaluationLedger>(), ledger.GetService<IAuditLedger>()).BuildAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            if (AnatomyPath is null)
            {
                return Fail(stderr, "digest: --backlog needs --anatomy.");
            }

            IsoWeek? reported = null;
            if (Week is not null)
            {
                if (!IsoWeek.TryParse(Week, out var week))
                {
                    return Fail(stderr, $"digest: --week '{Week}' is not an ISO week such as 2026-W48.");
                }

                reported = week;
            }

            var evaluations = await StatelessBacklog.EvaluateAsync(anatomy, Backlogs, stderr, cancellationToken).ConfigureAwait(false);
            if (evaluations is null)
            {
                return DigestCommand.InvalidInput;
            }

            digest = DigestBuilder.BuildStateless(anatomy, evaluations, DigestRequest.LintFindings(anatomy), week: reported, timeZone: timeZone, today: DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }

        return await WriteAsync(digest, stdout, stderr, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> WriteAsync(WeeklyDigest digest, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (Output is null && Html is null)
        {
            await stdout.WriteAsync(DigestMarkdownRenderer.Render(digest, new DigestRenderOptions { Flavor = Flavor }).AsMemory(), cancellationToken).ConfigureAwait(false);
            return DigestCommand.Ok;
        }

        try
        {
            var publication = await new FileDigestSink(Output, Html, Flavor).PublishAsync(digest, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync($"digest: {digest.Title} written to {publication.Location} ({publication.Action.ToString().ToLowerInvariant()}).").ConfigureAwait(false);
            return DigestCommand.Ok;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"digest: cannot write the digest: {exception.Message}").ConfigureAwait(false);
            return DigestCommand.WriteFailed;
        }
    }

    private async Task<EnterpriseAnatomy?> LoadAnatomyAsync(TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!File.Exists(AnatomyPath))
        {
            Fail(stderr, $"digest: anatomy file '{AnatomyPath}' not found.");
            return null;
        }

        var result = AnatomyParser.Parse(await File.ReadAllTextAsync(AnatomyPath, cancellationToken).ConfigureAwait(false));
        if (result.IsValid)
        {
            return result.Anatomy;
        }

        foreach (var error in result.Errors)
        {
            await stderr.WriteLineAsync($"{AnatomyPath}:{error.Position}: error {error.Code}: {error.Message}").ConfigureAwait(false);
        }

        return null;
    }

    private async Task<ServiceProvider?> OpenLedgerAsync(TextWriter stderr)
    {
        var options = LedgerStorageOptions.Parse(Store!);
        if (options.SqlitePath is { } path && !File.Exists(path))
        {
            await stderr.WriteLineAsync($"digest: no ledger at '{path}' (a SQLite file written by `anatomybot serve`).").ConfigureAwait(false);
            return null;
        }

        return new ServiceCollection().AddAnatomyBotStorage(options).BuildServiceProvider();
    }

    private bool TryTimeZone(out TimeZoneInfo timeZone)
    {
        timeZone = TimeZoneInfo.Utc;
        return TimeZoneId is null || TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out timeZone!);
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return DigestCommand.InvalidInput;
    }
}
