namespace AnatomyBot.Core.Anatomy;

/// <summary>The anatomy cannot be used: the file is missing, too large, refused by its host, or invalid. A configuration
/// problem rather than a passing condition: the delivery fails and can be replayed once the file is fixed. Derives from
/// <see cref="InvalidOperationException"/>, so a caller that catches that sees it too.</summary>
public sealed class AnatomyUnavailableException : InvalidOperationException
{
    public AnatomyUnavailableException()
    {
    }

    public AnatomyUnavailableException(string message)
        : base(message)
    {
    }

    public AnatomyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
