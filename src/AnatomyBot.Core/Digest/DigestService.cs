using AnatomyBot.Core.Ledger;

namespace AnatomyBot.Core.Digest;

/// <summary>Produces the weekly digest from the evaluation ledger and hands it to every configured sink. The same
/// service serves the Functions timer, <c>anatomybot digest</c> and <c>demo</c>; the caller picks the week (Core has no
/// clock: use <see cref="IsoWeek.LastComplete"/> with a <see cref="TimeProvider"/> at the boundary).</summary>
public sealed class DigestService(IEvaluationLedger ledger)
{
    /// <summary>Builds the digest model for the request's week, streaming the ledger once.</summary>
    public Task<WeeklyDigest> BuildAsync(DigestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DigestBuilder.BuildAsync(
            request,
            ledger.ListLatestAsync(cancellationToken),
            ledger.ListGapEventsAsync(request.EventsSince, DateTimeOffset.MaxValue, cancellationToken),
            cancellationToken);
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
