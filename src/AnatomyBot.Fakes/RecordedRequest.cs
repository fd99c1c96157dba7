namespace AnatomyBot.Fakes;

/// <summary>A request a fake received, as sent: method, URI, content type, body (empty when none) and the Authorization
/// header. <see cref="IsWrite"/> says whether the operation changes state.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? ContentType, string Body, string? Authorization)
{
    public bool IsWrite { get; init; }

    /// <summary>The request's headers (content headers included), each with its values joined by <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The path, unescaped, e.g. <c>/repos/acme/shop/issues/5/labels/anatomy:no-stage</c>.</summary>
    public string Path => Uri.UnescapeDataString(Uri.AbsolutePath);

    public string PathAndQuery => Uri.PathAndQuery;

    public override string ToString() => $"{Method} {Uri.PathAndQuery}";
}
