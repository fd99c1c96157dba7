namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>One file to read through GitHub's contents API. <see cref="ETag"/>: the tag of the copy already held, sent as
/// <c>If-None-Match</c> (a 304 costs no rate-limit quota). <see cref="Token"/> is optional and never logged.</summary>
public sealed record GitHubFileRequest(Uri BaseUrl, string Owner, string Repository, string Path, string? Ref, string? Token, string? ETag)
{
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
