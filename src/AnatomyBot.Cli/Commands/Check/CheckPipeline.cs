using AnatomyBot.Cli.Output;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The core of <c>check</c>, shared by the command and its benchmark: the items of the live reads, if any, and
/// every backlog (streamed, item by item) into one batch of the engine, each item mapped and read for the engine on the
/// reader's workers, then evaluate the batch, mark the gaps the waivers cover, and build the report. Items carry their web links only <c>withUrls</c> (the
/// story map shows them). The engine is built while the reading begins (<see cref="PendingBatch"/>). Once
/// <c>cancellationToken</c> is cancelled the run stops at the backlog's next read, before or after the evaluation, or
/// in the waivers' pass (<see cref="OperationCanceledException"/>), its workers done.</summary>
internal static class CheckPipeline
{
    public static CheckReport Run(
        EnterpriseAnatomy anatomy,
        IEnumerable<(string Name, Stream Content)> backlogs,
        FailOn failOn,
        ICheckProgress? progress = null,
        bool withUrls = false,
        Live.LiveBacklog? live = null,
        WaiverSet? waivers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        ArgumentNullException.ThrowIfNull(backlogs);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = PendingBatch.Start(() => new BacklogBatch(new LinkageEngine(anatomy)));
        var readers = new AzureDevOpsReaders(anatomy.Policy.Fields.Keys.ToArray());
        try
        {
            Read(pending, readers, backlogs, progress, withUrls, live, cancellationToken);
            var batch = pending.Batch;
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Evaluating(batch.Count);
            var evaluated = batch.Complete();
            cancellationToken.ThrowIfCancellationRequested();
            if (waivers is { IsEmpty: false })
            {
                Parallel.For(0, evaluated.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => evaluated[i] = waivers.Apply(evaluated[i]));
            }

            return new CheckReport(evaluated, failOn);
        }
        finally
        {
            progress?.Done();
        }
    }

    private static void Read(PendingBatch pending, AzureDevOpsReaders readers, IEnumerable<(string Name, Stream Content)> backlogs, ICheckProgress? progress, bool withUrls, Live.LiveBacklog? live, CancellationToken cancellationToken) =>
        pending.Read(() =>
        {
            if (live is not null)
            {
                using var part = pending.Batch.StartPart();
                live.Items.ToList().ForEach(part.Add);
                foreach (var (id, source, reason) in live.Unreadable)
                {
                    part.AddUnreadable(id, source, reason);
                }
            }

            foreach (var (name, content) in backlogs)
            {
                progress?.Reading(name, content.CanSeek ? content.Length : 0);
                using var cancellable = new CancellableStream(content, cancellationToken);
                BacklogReader.Read(name, cancellable, new CheckSink(pending, name, readers, withUrls), progress is null ? null : progress.Read);
            }
        });
}
