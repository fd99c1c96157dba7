using System.Globalization;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.AzureDevOps.Applying;

/// <summary>Applies a plan on Azure DevOps. Work items: the whole <c>System.Tags</c> list, guarded by a <c>test</c> on
/// <c>/rev</c> (the revision the plan was made from, in <see cref="ReconcileTarget.Head"/>); on 412/409 the item is
/// re-read and the plan's additions and removals are re-applied to the tags a person just wrote, so their edit is kept;
/// then the sticky discussion comment (<see cref="WorkItemCommentWriter"/>).
/// Pull requests (<see cref="ReconcileTarget.Head"/> = the latest iteration): the sticky thread and the
/// <c>anatomybot/linkage</c> status. A target that has disappeared is logged and skipped.</summary>
public sealed partial class AzureDevOpsReconcileApplier(AzureDevOpsClient client, AzureDevOpsBotIdentity identity, ILogger<AzureDevOpsReconcileApplier> logger) : IReconcileApplier
{
    /// <summary>Conflicting writes in a row before the delivery is retried later.</summary>
    public const int MaxTagAttempts = 5;

    public ItemSource Source => ItemSource.AzureDevOps;

    public async Task ApplyAsync(ReconcileTarget target, ReconcilePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsEmpty)
        {
            return;
        }

        if (target.Kind == ItemKind.PullRequest)
        {
            if (!PullRequestIds.TryParse(target.ItemId, out var pr))
            {
                throw new ArgumentException($"'{target.ItemId}' is not an Azure DevOps pull-request id.", nameof(target));
            }

            await new PullRequestWriter(client, pr, identity, logger).ApplyAsync(target.Head, plan, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (plan.LabelsToAdd.Count + plan.LabelsToRemove.Count > 0)
        {
            await ApplyTagsAsync(target, plan, cancellationToken).ConfigureAwait(false);
        }

        // After the tags: the tag write is guarded by the revision the plan was made from.
        if (plan.Comment.Kind != CommentChangeKind.None)
        {
            await new WorkItemCommentWriter(client, WorkItemId(target), identity, logger).ApplyAsync(plan.Comment, cancellationToken).ConfigureAwait(false);
        }
    }

    private static int WorkItemId(ReconcileTarget target) =>
        int.TryParse(target.ItemId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"'{target.ItemId}' is not an Azure DevOps work-item id.", nameof(target));

    private async Task ApplyTagsAsync(ReconcileTarget target, ReconcilePlan plan, CancellationToken cancellationToken)
    {
        var id = WorkItemId(target);
        int? rev = int.TryParse(target.Head, NumberStyles.None, CultureInfo.InvariantCulture, out var planned) ? planned : null;
        IReadOnlyList<string> tags = plan.LabelsAfter;
        for (var attempt = 1; attempt <= MaxTagAttempts; attempt++)
        {
            if (rev is null)
            {
                var fresh = await client.GetWorkItemAsync(id, cancellationToken).ConfigureAwait(false);
                if (fresh is null)
                {
                    Log.Gone(logger, target.ItemId);
                    return;
                }

                var current = TagList.Parse(fresh.Fields?.GetValueOrDefault("System.Tags").ToString());
                tags = Reapply(current, plan);
                if (TagList.SameSet(tags, current))
                {
                    return;
                }

                rev = fresh.Rev;
            }

            switch (await client.UpdateTagsAsync(id, rev.Value, TagList.Format(tags), cancellationToken).ConfigureAwait(false))
            {
                case TagUpdateOutcome.Updated:
                    return;
                case TagUpdateOutcome.NotFound:
                    Log.Gone(logger, target.ItemId);
                    return;
                default:
                    Log.Conflict(logger, target.ItemId, rev.Value, attempt);
                    rev = null;
                    break;
            }
        }

        throw new TransientDeliveryException($"work item {id} kept changing while its tags were written");
    }

    /// <summary>The plan's removals and additions applied to tags just read: everything else stays as the person wrote it.</summary>
    internal static IReadOnlyList<string> Reapply(IReadOnlyList<string> current, ReconcilePlan plan)
    {
        var after = current.Where(t => !plan.LabelsToRemove.Contains(t.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        after.AddRange(plan.LabelsToAdd.Where(a => !after.Contains(a, StringComparer.OrdinalIgnoreCase)));
        return after;
    }

    internal static partial class Log
    {
        [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "Azure DevOps item {ItemId} no longer exists; its changes are skipped")]
        public static partial void Gone(ILogger logger, string itemId);

        [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Work item {ItemId} changed since revision {Rev} (attempt {Attempt}); re-reading its tags")]
        public static partial void Conflict(ILogger logger, string itemId, int rev, int attempt);
    }
}
