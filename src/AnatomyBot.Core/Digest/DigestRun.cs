namespace AnatomyBot.Core.Digest;

/// <summary>One production of the digest: the model and what every sink did with it.</summary>
public sealed record DigestRun(WeeklyDigest Digest, IReadOnlyList<DigestPublication> Publications)
{
    public bool Succeeded => Publications.All(p => p.Succeeded);
}
