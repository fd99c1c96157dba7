namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Where <c>anatomy.yml</c> is read from (see <see cref="AnatomySourceOptions.Kind"/>).</summary>
public enum AnatomySourceKind
{
    None,
    AzureRepos,
    GitHub,
    LocalFile,
    Ambiguous,
}
