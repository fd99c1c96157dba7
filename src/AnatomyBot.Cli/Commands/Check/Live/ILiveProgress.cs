namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary>Where a live read reports how far it got: items read so far from a repository or project, of how many when
/// that is known.</summary>
internal interface ILiveProgress
{
    void Fetched(string source, int read, int? total);
}
