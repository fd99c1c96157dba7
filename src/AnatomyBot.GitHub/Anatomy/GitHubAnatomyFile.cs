namespace AnatomyBot.GitHub.Anatomy;

/// <summary>An anatomy file in a GitHub (or GitHub Enterprise Server) repository, for a channel that keeps its anatomy
/// there without being the GitHub channel. <see cref="Token"/> is optional and never logged; <see cref="SettingsName"/>
/// names the configuration section it came from, for messages; <see cref="MaxInlineWait"/> overrides
/// <c>GitHub:MaxInlineRetryWait</c> for these reads.</summary>
public sealed record GitHubAnatomyFile(Uri BaseUrl, string Owner, string Repository, string Path, string? Ref, string? Token)
{
    public string SettingsName { get; init; } = "GitHub";

    public TimeSpan? MaxInlineWait { get; init; }

    /// <summary><c>{base}repos/{owner}/{repo}/contents/{path}[?ref=…]</c>, every segment escaped.</summary>
    public Uri Uri
    {
        get
        {
            var root = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl.AbsoluteUri : BaseUrl.AbsoluteUri + "/";
            var segments = Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString);
            var query = string.IsNullOrWhiteSpace(Ref) ? "" : "?ref=" + Uri.EscapeDataString(Ref);
            return new Uri($"{root}repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Repository)}/contents/{string.Join('/', segments)}{query}", UriKind.Absolute);
        }
    }

    public override string ToString() => $"{Owner}/{Repository}:{Path}" + (string.IsNullOrWhiteSpace(Ref) ? "" : $"@{Ref}");
}
