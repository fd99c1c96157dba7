namespace AnatomyBot.Fakes;

/// <summary>One operation a fake serves: the HTTP method, the path template as the platform's API description writes it,
/// and the answer, computed from the fake's state under its lock. <see cref="IsRead"/> is false for calls that change state
/// (a <c>POST</c> that only asks a question, such as Azure DevOps' <c>workitemsbatch</c>, is a read).</summary>
public sealed record FakeRoute(HttpMethod Method, RouteTemplate Template, Func<FakeRequest, FakeResponse> Answer)
{
    public bool IsRead { get; init; } = Method == HttpMethod.Get || Method == HttpMethod.Head;

    public override string ToString() => $"{Method} {Template}";
}
