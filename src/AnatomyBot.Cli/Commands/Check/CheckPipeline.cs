using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The core of <c>check</c>, shared by the command and its benchmark: the items of the live reads, if any, and
/// every backlog (streamed, item by item) into one batch of the engine, each item mapped and read for the engine on the
/// reader's workers, then evaluate the batch, mark the gaps the waivers cover, and build the report. Items carry their web links only <c>withUrls</c> (the
/// story map shows them). The engine is built while the reading begins (<see cref="PendingBatch"/>).</summary>
internal static class CheckPipeline
{
    public static CheckReport Run(
        EnterpriseAnatomy anatomy,
        IEnumerable<(string Name, Stream Content)> backlogs,
        FailOn failOn,
        ICheckProgress? progress = null,
        bool withUrls = false,
        Live.LiveBacklog? live = null,
        WaiverSet? waivers = null)
    {
        ArgumentNullException.ThrowIfNull(anatomy);
        ArgumentNullException.ThrowIfNull(backlogs);
        var pending = PendingBatch.Start(() => new BacklogBatch(new LinkageEngine(anatomy)));
        var readers = new AzureDevOpsReaders(anatomy.Policy.Fields.Keys.ToArray());
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
                BacklogReader.Read(name, content, new CheckSink(pending, name, readers, withUrls), progress is null ? null : progress.Read);
            }
        });

        var batch = pending.Batch;
        progress?.Evaluating(batch.Count);
        var evaluated = batch.Complete();
        if (waivers is { IsEmpty: false })
        {
            Parallel.For(0, evaluated.Length, i => evaluated[i] = waivers.Apply(evaluated[i]));
        }

        progress?.Done();
        return new CheckReport(evaluated, failOn);
    }
}
