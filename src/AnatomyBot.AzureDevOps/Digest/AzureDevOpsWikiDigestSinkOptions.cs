using System.ComponentModel.DataAnnotations;

namespace AnatomyBot.AzureDevOps.Digest;

/// <summary>Config section <c>Digest:AzureDevOps</c>: the wiki that receives one page per week.</summary>
public sealed class AzureDevOpsWikiDigestSinkOptions
{
    public const string SectionName = "Digest:AzureDevOps";

    /// <summary>e.g. <c>https://dev.azure.com/contoso/</c>.</summary>
    [Required]
    [AnatomyBot.Core.Pipeline.HttpsOrLoopback]
    public Uri OrganizationUrl { get; set; } = null!;

    [Required]
    public string Project { get; set; } = "";

    /// <summary>Wiki id or name, e.g. <c>Contoso.wiki</c>.</summary>
    [Required]
    public string Wiki { get; set; } = "";

    /// <summary>Parent page of the weekly pages; each week is <c>{PathPrefix}/2026-W48</c>.</summary>
    [Required]
    [RegularExpression(@"^/.*")]
    public string PathPrefix { get; set; } = "/Anatomy digest";

    /// <summary>Personal access token with <c>vso.wiki_write</c>; not needed when the host configures the named HTTP
    /// client's authentication itself. Never logged.</summary>
    public string? Pat { get; set; }

    internal string PagePath(string week) => $"{PathPrefix.TrimEnd('/')}/{week}";
}
