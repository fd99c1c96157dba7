namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Configuration section <c>AzureDevOps:Anatomy</c>: exactly one of an Azure Repos file (<see cref="Repository"/>),
/// a GitHub repository file (<see cref="GitHub"/>) or a local file (<see cref="LocalPath"/>); <see cref="Path"/> and
/// <see cref="Branch"/> apply to both repository kinds. <see cref="Projects"/> gives a project its own source, which
/// replaces this one for that project.</summary>
public sealed class AnatomySourceOptions
{
    /// <summary>Azure Repos repository name or id (in <see cref="AzureDevOpsOptions.Project"/> unless
    /// <see cref="Project"/> is set).</summary>
    public string? Repository { get; set; }

    /// <summary>Project of <see cref="Repository"/> when it is not the boards project (for a shared source: the first
    /// configured project).</summary>
    public string? Project { get; set; }

    /// <summary>A GitHub repository instead of Azure Repos.</summary>
    public GitHubAnatomySourceOptions GitHub { get; set; } = new();

    /// <summary>Path of the file in the repository.</summary>
    public string Path { get; set; } = "/anatomy.yml";

    /// <summary>Branch to read; empty reads the repository's default branch.</summary>
    public string? Branch { get; set; }

    /// <summary>A file on disk instead of a repository.</summary>
    public string? LocalPath { get; set; }

    /// <summary>How long a read anatomy is reused before it is read again (a push to the file refreshes it at once).</summary>
    public int CacheSeconds { get; set; } = 300;

    /// <summary>A project's own source (<c>AzureDevOps:Anatomy:Projects:{project}:Repository</c> and so on), keyed by a
    /// configured project; a project without an entry uses this section's source.</summary>
    public Dictionary<string, AnatomySourceOptions> Projects { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The source of <paramref name="project"/>: its own entry in <see cref="Projects"/>, else this one.</summary>
    public AnatomySourceOptions For(string project) =>
        Projects.TryGetValue(project, out var own) ? own : this;

    /// <summary>Which source is configured; <see cref="AnatomySourceKind.None"/> or <see cref="AnatomySourceKind.Ambiguous"/>
    /// fail start-up validation.</summary>
    public AnatomySourceKind Kind
    {
        get
        {
            var set = new[]
            {
                (AnatomySourceKind.AzureRepos, !string.IsNullOrWhiteSpace(Repository)),
                (AnatomySourceKind.GitHub, !string.IsNullOrWhiteSpace(GitHub.Repository)),
                (AnatomySourceKind.LocalFile, !string.IsNullOrWhiteSpace(LocalPath)),
            }.Where(s => s.Item2).Select(s => s.Item1).ToList();
            return set.Count switch
            {
                0 => AnatomySourceKind.None,
                1 => set[0],
                _ => AnatomySourceKind.Ambiguous,
            };
        }
    }
}
