using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.GitHub.Snapshot;

/// <summary>The anatomy a repository is evaluated against, where it came from (<c>owner/repo:path</c>), and the file's
/// own errors when it is broken.</summary>
public sealed record AnatomyLoad(AnatomyLoadStatus Status, EnterpriseAnatomy? Anatomy, string? Origin, IReadOnlyList<AnatomyDiagnostic> Errors)
{
    public static AnatomyLoad Missing { get; } = new(AnatomyLoadStatus.Missing, null, null, []);
}
