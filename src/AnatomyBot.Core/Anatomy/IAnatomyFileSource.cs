namespace AnatomyBot.Core.Anatomy;

/// <summary>Where the text of <c>anatomy.yml</c> comes from: a repository file read through a platform's API, or a local
/// file. Implementations live with the platform that serves the file; parsing and caching belong to whoever reads it.</summary>
public interface IAnatomyFileSource
{
    /// <summary>Largest anatomy file any source accepts (the CLI's limit too).</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Where the file is, for messages (never carries a token).</summary>
    string Description { get; }

    /// <summary>The file's text, or null when it does not exist. Throws <see cref="AnatomyUnavailableException"/> when the
    /// source refuses (permissions, size) and <see cref="Pipeline.TransientDeliveryException"/> when a retry may help.</summary>
    Task<string?> ReadAsync(CancellationToken cancellationToken);
}
