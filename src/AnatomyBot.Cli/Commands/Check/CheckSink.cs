using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary><c>check</c>'s items go straight into the engine's <see cref="BacklogBatch"/>: an Azure DevOps work item as
/// the draft and description read in the file's own pass (<see cref="InPlace"/>), or from its bytes through the worker's
/// draft and description buffer (no work item, no description string), a GitHub issue
/// as a work item, and an entry that is neither as an unreadable line. Azure DevOps web links are read only
/// <paramref name="withUrls"/> (a report that shows them). The batch may still be being built (<see cref="PendingBatch"/>):
/// the reader then holds what it reads until it is.</summary>
internal sealed class CheckSink(PendingBatch batch, string displayName, AzureDevOpsReaders readers, bool withUrls = false) : IBacklogSink
{
    public InPlaceReading? InPlace => new(readers.Rent(), withUrls);

    public bool Ready => batch.IsReady;

    public IBacklogSinkPart StartPart() => new Part(batch.Batch.StartPart(), displayName, readers, withUrls);

    private sealed class Part(BacklogPart part, string displayName, AzureDevOpsReaders readers, bool withUrls) : IBacklogSinkPart
    {
        private readonly AzureDevOpsItemReader _azureDevOps = readers.Rent();

        public void Add(ReadOnlyMemory<byte> utf8, int index)
        {
            var valid = BacklogEntryJson.Valid(utf8, out var wasValid);
            if (_azureDevOps.TryRead(valid.Span, out var failure, withUrls))
            {
                var draft = _azureDevOps.Draft;
                draft.Diagnostics = wasValid ? draft.Diagnostics : [.. draft.Diagnostics, BacklogEntryJson.NotUtf8];
                part.Add(draft, _azureDevOps.Body);
                return;
            }

            var (item, id, source, error) = BacklogEntryJson.GitHubOr(failure, valid, displayName, index);
            if (item is null)
            {
                part.AddUnreadable(id, source, error ?? "unreadable");
            }
            else
            {
                part.Add(BacklogEntryJson.Noting(item, wasValid));
            }
        }

        public void Add(WorkItemDraft draft, ReadOnlySpan<char> body) => part.Add(draft, body);

        public void Dispose()
        {
            readers.Return(_azureDevOps);
            part.Dispose();
        }
    }
}
