namespace AnatomyBot.Core.Reconcile;

/// <summary>A merge check: its conclusion, a one-line title and a Markdown summary.</summary>
public sealed record CheckState(CheckConclusion Conclusion, string Title, string Summary);
