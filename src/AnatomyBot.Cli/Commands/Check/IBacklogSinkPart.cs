using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>A run of consecutive entries of a backlog file, filled by one worker; disposed when its last entry is in.</summary>
internal interface IBacklogSinkPart : IDisposable
{
    /// <summary>Reads one entry of the file: its JSON, and its position in the file's array of items.</summary>
    void Add(ReadOnlyMemory<byte> utf8, int index);

    /// <summary>Takes one Azure DevOps work item already read on the reading thread (<see cref="IBacklogSink.InPlace"/>):
    /// its draft, the part's until it is disposed (the reader then fills it again for a later entry), and its
    /// description, valid until this returns.</summary>
    void Add(WorkItemDraft draft, ReadOnlySpan<char> body);
}
