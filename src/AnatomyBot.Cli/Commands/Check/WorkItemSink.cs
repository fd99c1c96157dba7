using AnatomyBot.AzureDevOps.Mapping;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Reads a backlog's entries into work items (or the reason one could not be read), in file order: for readers
/// that need the whole work items, as the stateless digest does.</summary>
internal sealed class WorkItemSink(string displayName, AzureDevOpsReaders readers) : IBacklogSink
{
    private readonly List<List<BacklogEntry>> _parts = [];

    /// <summary>Every entry read, in file order (once every part is disposed).</summary>
    public IEnumerable<BacklogEntry> Entries => _parts.SelectMany(p => p);

    public IBacklogSinkPart StartPart()
    {
        var entries = new List<BacklogEntry>();
        _parts.Add(entries);
        return new Part(entries, displayName, readers);
    }

    private sealed class Part(List<BacklogEntry> entries, string displayName, AzureDevOpsReaders readers) : IBacklogSinkPart
    {
        private readonly AzureDevOpsItemReader _azureDevOps = readers.Rent();

        public void Add(ReadOnlyMemory<byte> utf8, int index)
        {
            var valid = BacklogEntryJson.Valid(utf8, out var wasValid);
            var (item, id, source, error) = BacklogEntryJson.GitHubOr(_azureDevOps.Map(valid.Span), valid, displayName, index);
            entries.Add(new BacklogEntry(item is null ? null : BacklogEntryJson.Noting(item, wasValid), id, source, error));
        }

        public void Dispose() => readers.Return(_azureDevOps);
    }
}
