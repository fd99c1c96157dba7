namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Configuration section <c>AzureDevOps:Anatomy:GitHub</c>: the anatomy file kept in a GitHub repository (read
/// through the REST contents API, so the Azure DevOps channel needs no GitHub App).</summary>
public sealed class GitHubAnatomySourceOptions
{
    /// <summary>Default API root; GitHub Enterprise Server: <c>https://HOST/api/v3/</c>.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.github.com/");

    /// <summary>The repository as <c>owner/name</c>.</summary>
    public string? Repository { get; set; }

    /// <summary>API root, <see cref="DefaultBaseUrl"/> unless set.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Optional token (a fine-grained PAT with <em>Contents: read</em>); a public repository needs none.
    /// Environment variable <c>AzureDevOps__Anatomy__GitHub__Token</c>. Never logged.</summary>
    public string? Token { get; set; }

    public Uri EffectiveBaseUrl => BaseUrl ?? DefaultBaseUrl;

    /// <summary>True when <see cref="Repository"/> is <c>owner/name</c> with two non-empty parts.</summary>
    public bool TrySplitRepository(out string owner, out string name)
    {
        var parts = (Repository ?? "").Trim().Split('/');
        owner = parts.Length == 2 ? parts[0].Trim() : "";
        name = parts.Length == 2 ? parts[1].Trim() : "";
        return owner.Length > 0 && name.Length > 0;
    }
}
