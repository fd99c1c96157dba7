namespace AnatomyBot.Core.Digest;

/// <summary>Somewhere the weekly digest goes: a file, a GitHub issue, an Azure DevOps wiki page. Publishing the same
/// week twice updates what the first run wrote; it never duplicates it.</summary>
public interface IDigestSink
{
    /// <summary>Short name for logs and reports (<c>file</c>, <c>github-issue</c>, <c>azure-devops-wiki</c>).</summary>
    string Name { get; }

    Task<DigestPublication> PublishAsync(WeeklyDigest digest, CancellationToken cancellationToken);
}
