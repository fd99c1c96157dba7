namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Configuration section <c>AzureDevOps:Anatomy</c>: either an Azure Repos file (<see cref="Repository"/> +
/// <see cref="Path"/>) or a local file (<see cref="LocalPath"/>).</summary>
public sealed class AnatomySourceOptions
{
    /// <summary>Azure Repos repository name or id (in <see cref="AzureDevOpsOptions.Project"/> unless
    /// <see cref="Project"/> is set).</summary>
    public string? Repository { get; set; }

    /// <summary>Project of <see cref="Repository"/> when it is not the boards project.</summary>
    public string? Project { get; set; }

    /// <summary>Path of the file in the repository.</summary>
    public string Path { get; set; } = "/anatomy.yml";

    /// <summary>Branch to read; empty reads the repository's default branch.</summary>
    public string? Branch { get; set; }

    /// <summary>A file on disk instead of a repository.</summary>
    public string? LocalPath { get; set; }

    /// <summary>How long a read anatomy is reused before it is read again (a push to the file refreshes it at once).</summary>
    public int CacheSeconds { get; set; } = 300;
}
