namespace AnatomyBot.AzureDevOps.Tests.Fakes;

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? ContentType, string Body)
{
    public string PathAndQuery => Uri.PathAndQuery;

    public bool IsWrite => Method != HttpMethod.Get && !Uri.AbsolutePath.EndsWith("/workitemsbatch", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Uri.PathAndQuery}";
}
