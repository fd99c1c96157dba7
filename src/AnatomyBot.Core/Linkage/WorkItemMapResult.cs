namespace AnatomyBot.Core.Linkage;

/// <summary>What a platform mapper made of one JSON item: the work item, or the reason it could not be read
/// (with whatever id could still be read, so the problem can be reported against it). A value: a backlog maps
/// 100,000 of them.</summary>
public readonly record struct WorkItemMapResult(WorkItem? Item, string? Id, string? Error)
{
    public bool IsSuccess => Item is not null;

    public static WorkItemMapResult Success(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item, item.Id, null);
    }

    public static WorkItemMapResult Failure(string? id, string error) => new(null, id, error);
}
