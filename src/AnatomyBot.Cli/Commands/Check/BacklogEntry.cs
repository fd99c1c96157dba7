using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>One item read from a backlog file: the work item, or the reason it could not be read and whatever id and
/// platform could still be told.</summary>
internal sealed record BacklogEntry(WorkItem? Item, string Id, ItemSource Source, string? Error);
