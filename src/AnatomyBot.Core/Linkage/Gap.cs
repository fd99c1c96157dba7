using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>A required link the item lacks (or a reference the anatomy does not know), with a message a delivery team
/// understands, a one-line fix, and up to three suggestions.</summary>
public sealed record Gap(
    string Code,
    GapSeverity Severity,
    string Message,
    string Fix,
    IReadOnlyList<Suggestion> Suggestions);
