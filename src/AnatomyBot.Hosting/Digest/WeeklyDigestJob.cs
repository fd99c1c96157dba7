using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting.Digest;

/// <summary>The weekly timer's work: the digest of the last complete ISO week, from the evaluation ledger, handed to every
/// registered sink (file, GitHub issue, Azure DevOps wiki page). A failing sink is logged; the others still publish.</summary>
public sealed partial class WeeklyDigestJob(
    DigestService digests,
    IEnumerable<IDigestSink> sinks,
    IOptions<WeeklyDigestOptions> options,
    TimeProvider time,
    ILogger<WeeklyDigestJob> logger)
{
    public async Task<DigestRun?> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var parsed = AnatomyParser.Parse(await File.ReadAllTextAsync(settings.AnatomyPath, cancellationToken));
        if (parsed.Anatomy is not { } anatomy)
        {
            LogAnatomyInvalid(logger, settings.AnatomyPath, parsed.Errors.Count);
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var request = new DigestRequest
        {
            Anatomy = anatomy,
            Week = IsoWeek.LastComplete(time.GetUtcNow(), zone),
            TimeZone = zone,
            Diagnostics = AnatomyLinter.Lint(anatomy).Diagnostics,
        };
        var run = await digests.ProduceAsync(request, [.. sinks], cancellationToken);
        foreach (var publication in run.Publications)
        {
            LogPublication(logger, request.Week, publication);
        }

        return run;
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Error, Message = "Weekly digest skipped: the anatomy {Path} has {Errors} errors")]
    private static partial void LogAnatomyInvalid(ILogger logger, string path, int errors);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Weekly digest {Week}: {Publication}")]
    private static partial void LogPublication(ILogger logger, IsoWeek week, DigestPublication publication);
}
