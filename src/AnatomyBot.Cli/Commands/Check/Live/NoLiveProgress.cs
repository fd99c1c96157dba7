namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary>No progress shown: output redirected, or in CI.</summary>
internal sealed class NoLiveProgress : ILiveProgress
{
    public static readonly NoLiveProgress Instance = new();

    public void Fetched(string source, int read, int? total)
    {
    }
}
