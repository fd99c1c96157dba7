namespace AnatomyBot.Core.Digest;

public enum DigestPublicationAction
{
    Created,
    Updated,
    Unchanged,
    Failed,
}
