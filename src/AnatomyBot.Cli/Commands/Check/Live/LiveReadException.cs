namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary>A live read that cannot go on (credentials refused, repository or project not found, rate limit, network);
/// the message is the one line printed, with what to do about it.</summary>
internal sealed class LiveReadException : Exception
{
    public LiveReadException()
    {
    }

    public LiveReadException(string message)
        : base(message)
    {
    }

    public LiveReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
