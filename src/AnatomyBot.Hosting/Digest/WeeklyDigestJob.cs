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
        var path = Resolve(settings.AnatomyPath);
        if (!File.Exists(path))
        {
            LogAnatomyMissing(logger, path);
            return null;
        }

        var parsed = AnatomyParser.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        if (parsed.Anatomy is not { } anatomy)
        {
            LogAnatomyInvalid(logger, path, parsed.Errors.Count);
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var request = DigestRequest.For(anatomy, IsoWeek.LastComplete(time.GetUtcNow(), zone), zone);
        var run = await digests.ProduceAsync(request, [.. sinks], cancellationToken);
        foreach (var publication in run.Publications)
        {
            LogPublication(logger, request.Week, publication);
        }

        return run;
    }

    /// <summary>A relative path names a file deployed with the app (the Functions host's working directory is not the
    /// app's folder on every plan).</summary>
    internal static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));

    [LoggerMessage(EventId = 602, Level = LogLevel.Error, Message = "Weekly digest skipped: no anatomy file at {Path}; deploy anatomy.yml with the app or set Digest:AnatomyPath")]
    private static partial void LogAnatomyMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 600, Level = LogLevel.Error, Message = "Weekly digest skipped: the anatomy {Path} has {Errors} errors")]
    private static partial void LogAnatomyInvalid(ILogger logger, string path, int errors);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Weekly digest {Week}: {Publication}")]
    private static partial void LogPublication(ILogger logger, IsoWeek week, DigestPublication publication);
}
