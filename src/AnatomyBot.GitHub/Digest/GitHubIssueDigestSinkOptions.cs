using System.ComponentModel.DataAnnotations;

namespace AnatomyBot.GitHub.Digest;

/// <summary>Config section <c>Digest:GitHub</c>: where the weekly digest issue goes.</summary>
public sealed class GitHubIssueDigestSinkOptions
{
    public const string SectionName = "Digest:GitHub";

    /// <summary><c>owner/repo</c> that receives one issue per week.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    public string Repository { get; set; } = "";

    /// <summary>Label on every digest issue; the sink finds its issues again by it and by a hidden marker.</summary>
    [Required]
    public string Label { get; set; } = "anatomy-digest";

    /// <summary>Link to the full digest when the issue body has to be cut; <c>{week}</c> is replaced by e.g. 2026-W48.</summary>
    public string? FullDigestUrl { get; set; }

    [Required]
    [AnatomyBot.Core.Pipeline.HttpsOrLoopback]
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>A token with <c>issues: write</c> (an installation token or a PAT); not needed when the host configures
    /// the named HTTP client's authentication itself. Never logged.</summary>
    public string? Token { get; set; }

    internal string? FullDigestUrlFor(string week) => FullDigestUrl?.Replace("{week}", week, StringComparison.Ordinal);
}
