namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Where <c>check</c> reports how far it got (a progress bar on an interactive terminal).</summary>
internal interface ICheckProgress
{
    void Reading(string file, long bytes);

    void Read(long bytesConsumed);

    void Evaluating(int items);

    void Done();
}
