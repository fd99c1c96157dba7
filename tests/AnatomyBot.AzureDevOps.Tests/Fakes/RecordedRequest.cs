namespace AnatomyBot.AzureDevOps.Tests.Fakes;

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? ContentType, string Body)
{
    public string PathAndQuery => Uri.PathAndQuery;

    /// <summary>Reads that POST their question (<c>workitemsbatch</c>, <c>wiql</c>) are not writes.</summary>
    public bool IsWrite => Method != HttpMethod.Get
        && !Uri.AbsolutePath.EndsWith("/workitemsbatch", StringComparison.Ordinal)
        && !Uri.AbsolutePath.EndsWith("/wiql", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Uri.PathAndQuery}";
}
