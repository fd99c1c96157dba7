using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary><c>AzureDevOps:Anatomy:LocalPath</c>: a file on disk (e.g. deployed with the app or mounted).</summary>
public sealed class LocalAnatomyFileSource(string path) : IAnatomyFileSource
{
    public string Description => $"local file {path}";

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        if (file.Length > IAnatomyFileSource.MaxFileBytes)
        {
            throw new AnatomyUnavailableException($"{Description} is {file.Length} bytes; anatomy files are limited to {IAnatomyFileSource.MaxFileBytes} bytes");
        }

        return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
