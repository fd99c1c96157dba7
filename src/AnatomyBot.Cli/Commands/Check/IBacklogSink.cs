namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Where <see cref="BacklogReader"/> puts the items it reads: in parts of consecutive items, started in file
/// order on the reading thread, each then filled by one worker.</summary>
internal interface IBacklogSink
{
    IBacklogSinkPart StartPart();
}
