using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Linkage;

/// <summary>A required link the item lacks (or a reference the anatomy does not know), with a message a delivery team
/// understands, a one-line fix, and up to three suggestions.</summary>
public sealed record Gap(
    string Code,
    GapSeverity Severity,
    string Message,
    string Fix,
    IReadOnlyList<Suggestion> Suggestions)
{
    /// <summary>Whether the first suggestion clearly leads the others, so a fix may name it; false when there is no
    /// suggestion or several are about as likely.</summary>
    public bool FirstLeads { get; init; }

    /// <summary>For <c>unknown-ref</c>: the id as the item wrote it; null for other gaps.</summary>
    public string? Reference { get; init; }

    /// <summary>The waiver that lets this gap pass (it stays visible but fails nothing and adds no label), or null.</summary>
    public Waiver? Waiver { get; init; }

    /// <summary>The suggestion a fix names: the first, when it clearly leads.</summary>
    public string? LeadingId => FirstLeads && Suggestions.Count > 0 ? Suggestions[0].Id : null;
}
