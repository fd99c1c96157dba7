using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One item read from a backlog file: the work item, or the reason it could not be read and whatever id and
/// platform could still be told. When the reader was asked to prepare items for the engine as it reads them,
/// <see cref="Prepared"/> is set instead of <see cref="Item"/> (the prepared item keeps what the report needs). A value,
/// so a large backlog's entries are one array rather than an object each.</summary>
internal readonly record struct BacklogEntry(WorkItem? Item, string Id, ItemSource Source, string? Error)
{
    public PreparedItem? Prepared { get; init; }
}
