using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Reads a backlog's entries into work items (or the reason one could not be read), in file order: for readers
/// that need the whole work items, as the stateless digest does.</summary>
internal sealed class WorkItemSink(string displayName, AzureDevOpsReaders readers) : IBacklogSink
{
    private readonly List<List<BacklogEntry>> _parts = [];

    /// <summary>Every entry read, in file order (once every part is disposed).</summary>
    public IEnumerable<BacklogEntry> Entries => _parts.SelectMany(p => p);

    /// <summary>None: every entry is read whole, as a work item with its state and body.</summary>
    public InPlaceReading? InPlace => null;

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

        public void Add(WorkItemDraft draft, ReadOnlySpan<char> body) =>
            throw new InvalidOperationException("this sink reads every entry from its bytes (InPlace is null)");

        public void Dispose() => readers.Return(_azureDevOps);
    }
}
