namespace AnatomyBot.Core.Digest;

/// <summary>What a sink did with the digest: where it is now (a path, an issue or page URL) and how it got there.</summary>
public sealed record DigestPublication(string Sink, DigestPublicationAction Action, string Location, string? Error = null)
{
    public bool Succeeded => Action != DigestPublicationAction.Failed;

    public static DigestPublication Failed(string sink, string error) => new(sink, DigestPublicationAction.Failed, "", error);
}
