namespace AnatomyBot.Cli.Commands.Check;

/// <summary>A backlog or anatomy file that cannot be read at all; the message is the one line printed, with the file
/// and the position.</summary>
internal sealed class BacklogFileException : Exception
{
    public BacklogFileException()
    {
    }

    public BacklogFileException(string message)
        : base(message)
    {
    }

    public BacklogFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file is an Azure DevOps WIQL result (ids only): <c>check</c> can fetch its items with credentials.</summary>
    public string? WiqlResultFile { get; init; }
}
