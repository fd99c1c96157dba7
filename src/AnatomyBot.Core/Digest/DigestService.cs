using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Digest;

/// <summary>Produces the weekly digest from the evaluation ledger and hands it to every configured sink. The same
/// service serves the Functions timer, <c>anatomybot digest</c> and <c>demo</c>; the caller picks the week (Core has no
/// clock: use <see cref="IsoWeek.LastComplete"/> with a <see cref="TimeProvider"/> at the boundary). With an audit trail,
/// the waivers made by command standing at the week's end join the file's in the Waivers section.</summary>
public sealed class DigestService(IEvaluationLedger ledger, IAuditLedger? audit = null)
{
    /// <summary>Builds the digest model for the request's week, streaming the ledger once.</summary>
    public async Task<WeeklyDigest> BuildAsync(DigestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (audit is not null && request.CommandWaivers is null)
        {
            request = request with { CommandWaivers = await CommandWaiversAsync(request, audit, cancellationToken).ConfigureAwait(false) };
        }

        return await DigestBuilder.BuildAsync(
            request,
            ledger.ListLatestAsync(cancellationToken),
            ledger.ListGapEventsAsync(request.EventsSince, DateTimeOffset.MaxValue, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The waivers made by command that stood at any time in the week or after it began: the entries from the
    /// longest waiver's reach before the week up to its end (a later unwaive does not rewrite the week).</summary>
    private static async Task<IReadOnlyList<Waiver>> CommandWaiversAsync(DigestRequest request, IAuditLedger audit, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in audit.ListAsync(RecordedWaivers.Since(request.Week.Monday, request.Anatomy.Policy.Waivers.MaxDays), RecordedWaivers.MaxRead, cancellationToken).ConfigureAwait(false))
        {
            if (entry.At < request.WeekEnd)
            {
                entries.Add(entry);
            }
        }

        return RecordedWaivers.All(entries);
    }

    /// <summary>Builds the digest and publishes it to each sink in turn. A sink that fails does not stop the others:
    /// its failure is a <see cref="DigestPublicationAction.Failed"/> publication for the caller to log.</summary>
    public async Task<DigestRun> ProduceAsync(DigestRequest request, IReadOnlyList<IDigestSink> sinks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        var digest = await BuildAsync(request, cancellationToken).ConfigureAwait(false);
        var publications = new List<DigestPublication>(sinks.Count);
        foreach (var sink in sinks)
        {
            publications.Add(await PublishAsync(sink, digest, cancellationToken).ConfigureAwait(false));
        }

        return new DigestRun(digest, publications);
    }

    private static async Task<DigestPublication> PublishAsync(IDigestSink sink, WeeklyDigest digest, CancellationToken cancellationToken)
    {
        try
        {
            return await sink.PublishAsync(digest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return DigestPublication.Failed(sink.Name, exception.Message);
        }
    }
}
