namespace AnatomyBot.GitHub.Tests.Fakes;

public sealed record RecordedRequest(string Method, string Path, string? Body)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");

    public override string ToString() => $"{Method} {Path}";
}
