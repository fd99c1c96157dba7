namespace AnatomyBot.GitHub.Events;

/// <summary>What a delivery asks for: the subjects to reconcile, or why there are none.</summary>
public sealed record Route(IReadOnlyList<Subject> Subjects, string? Skipped = null)
{
    public static Route Skip(string reason) => new([], reason);
}
