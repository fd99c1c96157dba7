using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One item read from a backlog file: the work item, or the reason it could not be read and whatever id and
/// platform could still be told. <see cref="Prepared"/> is set when the reader was asked to prepare items for the engine
/// as it reads them.</summary>
internal sealed record BacklogEntry(WorkItem? Item, string Id, ItemSource Source, string? Error)
{
    public PreparedItem? Prepared { get; init; }
}
