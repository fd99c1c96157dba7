namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Where <see cref="BacklogReader"/> puts the items it reads: in parts of consecutive items, started in file
/// order on the reading thread, each then filled by one worker.</summary>
internal interface IBacklogSink
{
    /// <summary>How Azure DevOps work items are read in the file's own pass, for a sink that takes drafts
    /// (<see cref="IBacklogSinkPart.Add(AnatomyBot.Core.Linkage.WorkItemDraft, ReadOnlySpan{char})"/>); null when every
    /// entry comes as its bytes. Asked once per file.</summary>
    InPlaceReading? InPlace { get; }

    /// <summary>Whether <see cref="StartPart"/> starts a part without waiting. While it does not (<c>check</c>'s engine
    /// is still being built), the reader holds a bounded number of batches it has read instead of starting their parts.</summary>
    bool Ready => true;

    IBacklogSinkPart StartPart();
}
