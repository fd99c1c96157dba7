namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>Where the text of <c>anatomy.yml</c> comes from: an Azure Repos file, a GitHub repository file or a local
/// file (chosen by <see cref="Configuration.AnatomySourceOptions.Kind"/>). Parsing and caching belong to
/// <see cref="AzureDevOpsAnatomyProvider"/>.</summary>
public interface IAnatomyFileSource
{
    /// <summary>Where the file is, for messages (never carries a token).</summary>
    string Description { get; }

    /// <summary>The file's text, or null when it does not exist. Throws <see cref="AnatomyUnavailableException"/> when the
    /// source refuses (permissions, size) and <see cref="Core.Pipeline.TransientDeliveryException"/> when a retry may help.</summary>
    Task<string?> ReadAsync(CancellationToken cancellationToken);
}
