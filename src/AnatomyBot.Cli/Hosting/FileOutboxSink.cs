using System.Text;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.Cli.Hosting;

/// <summary>The <c>--dry-run</c> outbox on disk: each artifact a file under the outbox folder. Names come from
/// <see cref="OutboxApplier"/>; any name that would leave the folder is refused.</summary>
internal sealed class FileOutboxSink(string root) : IOutboxSink
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task WriteAsync(string name, string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = Path.GetFullPath(Path.Combine(_root, name));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Outbox artifact '{name}' would be written outside {_root}.", nameof(name));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }
}
