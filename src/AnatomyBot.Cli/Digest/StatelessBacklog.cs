using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Cli.Output;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Digest;

/// <summary>Reads backlog exports with <c>check</c>'s reader (the platforms' API shapes, detected per file) and
/// evaluates them with the linkage engine, for the stateless digest.</summary>
internal static class StatelessBacklog
{
    /// <summary>The evaluations, or null after writing a one-line error per unreadable file.</summary>
    public static async Task<IReadOnlyList<ItemEvaluation>?> EvaluateAsync(EnterpriseAnatomy anatomy, IReadOnlyList<string> files, TextWriter stderr, CancellationToken cancellationToken)
    {
        var readers = new AzureDevOpsReaders(anatomy.Policy.Fields.Keys.ToArray());
        var entries = new List<BacklogEntry>();
        foreach (var file in files)
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                var sink = new WorkItemSink(file, readers);
                using var cancellable = new CancellableStream(stream, cancellationToken);
                BacklogReader.Read(file, cancellable, sink);
                entries.AddRange(sink.Entries);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{file}: cannot read the backlog: {exception.Message}").ConfigureAwait(false);
                return null;
            }
            catch (BacklogFileException exception)
            {
                await stderr.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return null;
            }
        }

        foreach (var unreadable in entries.Where(e => e.Item is null))
        {
            await stderr.WriteLineAsync($"digest: skipped item {unreadable.Id}: {unreadable.Error}").ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new LinkageEngine(anatomy).Evaluate([.. entries.Where(e => e.Item is not null).Select(e => e.Item!)]);
    }
}
