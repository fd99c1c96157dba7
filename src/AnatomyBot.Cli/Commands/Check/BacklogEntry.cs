using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One entry read from a backlog file: the work item, or the reason it could not be read and whatever id and
/// platform could still be told. A value of one reference.</summary>
internal readonly struct BacklogEntry
{
    private readonly object _value;

    public BacklogEntry(WorkItem? item, string id, ItemSource source, string? error) =>
        _value = item ?? (object)new Failure(id, source, error);

    public WorkItem? Item => _value as WorkItem;

    public string Id => _value is WorkItem item ? item.Id : ((Failure)_value).Id;

    public ItemSource Source => _value is WorkItem item ? item.Source : ((Failure)_value).Source;

    public string? Error => (_value as Failure)?.Error;

    private sealed record Failure(string Id, ItemSource Source, string? Error);
}
