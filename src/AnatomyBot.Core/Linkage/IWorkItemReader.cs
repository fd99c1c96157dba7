namespace AnatomyBot.Core.Linkage;

/// <summary>Reads work items by id from one platform's boards, with their ancestors (parent chain), as Core records.
/// Lets one channel evaluate items from the other without the adapters knowing each other: a GitHub pull request that
/// says <c>AB#123</c> is evaluated with Azure Boards item 123 when an Azure DevOps connection is configured.</summary>
public interface IWorkItemReader
{
    ItemSource Source { get; }

    /// <summary>The items found, plus every ancestor of each; ids not found are simply absent.</summary>
    Task<IReadOnlyList<WorkItem>> ReadWithAncestorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
