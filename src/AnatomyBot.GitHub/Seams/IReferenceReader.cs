using AnatomyBot.Core.Linkage;

namespace AnatomyBot.GitHub.Seams;

/// <summary>Which work items an item's text links to (Core's reference extraction): GitHub issues as
/// <c>owner/repo#N</c> (resolved against the item's own repository) and Azure Boards items as their numeric id.</summary>
public interface IReferenceReader
{
    LinkedReferences Read(WorkItem item);
}

public sealed record LinkedReferences(IReadOnlyList<string> GitHubIssues, IReadOnlyList<string> AzureBoards)
{
    public static LinkedReferences None { get; } = new([], []);
}
