using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One item read from a backlog file: the work item, or the reason it could not be read and whatever id and
/// platform could still be told. When the reader was asked to prepare items for the engine as it reads them,
/// <see cref="Prepared"/> is set instead of <see cref="Item"/> (the prepared item keeps what the report needs). A value
/// of one reference (the work item, the prepared item or the failure), so a large backlog's entries are one small
/// array rather than an object each.</summary>
internal readonly struct BacklogEntry
{
    private readonly object _value;

    public BacklogEntry(WorkItem? item, string id, ItemSource source, string? error) =>
        _value = item ?? (object)new Failure(id, source, error);

    private BacklogEntry(PreparedItem prepared) => _value = prepared;

    public WorkItem? Item => _value as WorkItem;

    public PreparedItem? Prepared => _value as PreparedItem;

    public string Id => _value switch
    {
        WorkItem item => item.Id,
        PreparedItem prepared => prepared.Id,
        _ => ((Failure)_value).Id,
    };

    public ItemSource Source => _value switch
    {
        WorkItem item => item.Source,
        PreparedItem prepared => prepared.Source,
        _ => ((Failure)_value).Source,
    };

    public string? Error => (_value as Failure)?.Error;

    /// <summary>An item read and prepared for the engine.</summary>
    public static BacklogEntry Of(PreparedItem prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return new(prepared);
    }

    private sealed record Failure(string Id, ItemSource Source, string? Error);
}
