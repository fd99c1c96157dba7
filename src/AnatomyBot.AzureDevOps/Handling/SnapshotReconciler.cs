using System.Globalization;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary>Evaluates a snapshot with the engine and applies, target by target, only the differences between the desired
/// and the current state. Work items get their tags and, under <c>policy.itemComments: on-gaps</c>, the sticky
/// discussion comment (<paramref name="readComment"/> finds the bot's own; when it cannot tell, none is written).
/// Pull requests get the thread and the status, never tags (the verdict lives there); closed work items and pull
/// requests are evaluated but not written to. When the delivery's API call budget ran out reading what the pull
/// requests reference, they are not evaluated: each gets <see cref="BudgetSpentStatus"/>. Waivers made by
/// <c>/anatomy waive</c> are read back from the audit trail and marked before anything is applied. While the bot's
/// identity is unknown (after a start, before its first write) a pull request's status is posted first: its answer names
/// the bot (<see cref="AzureDevOpsBotIdentity"/>), and only then is the bot's thread looked for among the threads read,
/// so the existing thread is edited instead of a second one being created.</summary>
internal sealed class SnapshotReconciler(
    DifferenceApplier applier,
    RenderOptions renderOptions,
    Func<int, CancellationToken, Task<(ExistingComment? Comment, bool Conclusive)>> readComment,
    AzureDevOpsBotIdentity identity,
    RecordedWaiverReader? recordedWaivers = null)
{
    public async Task<IReadOnlyList<ItemEvaluation>> ReconcileAsync(
        Snapshot snapshot, IReadOnlyList<WorkItem> workItems, EnterpriseAnatomy anatomy, ILinkageEngine engine, CancellationToken cancellationToken)
    {
        var items = workItems.Concat(snapshot.PullRequests.Select(p => p.Item)).ToList();
        var evaluations = engine.Evaluate(items);
        if (recordedWaivers is not null)
        {
            evaluations = await recordedWaivers.ApplyAsync(evaluations, anatomy, cancellationToken).ConfigureAwait(false);
        }

        var byId = evaluations.ToDictionary(e => e.Item.Id, StringComparer.Ordinal);
        var results = new List<ItemEvaluation>();
        // Every read before the first write: the work items' discussion comments are looked up first.
        var planned = new List<(int Id, ItemEvaluation Evaluation, DesiredState Desired, CurrentState Current)>();
        foreach (var id in snapshot.WorkItemTargets)
        {
            var evaluation = byId[id.ToString(CultureInfo.InvariantCulture)];
            results.Add(evaluation);
            if (!evaluation.Item.IsOpen)
            {
                continue;
            }

            var desired = DesiredStateBuilder.Build(evaluation, anatomy, renderOptions);
            ExistingComment? comment = null;
            if (desired.Comment is not null)
            {
                // The discussion is read only when the item may get a comment (policy.itemComments: never costs nothing).
                (comment, var conclusive) = await readComment(id, cancellationToken).ConfigureAwait(false);
                desired = conclusive ? desired : desired with { Comment = null };
            }

            planned.Add((id, evaluation, desired, new CurrentState { Labels = evaluation.Item.Labels, Comment = comment }));
        }

        foreach (var (id, evaluation, desired, current) in planned)
        {
            var rev = snapshot.WorkItems[id].Rev.ToString(CultureInfo.InvariantCulture);
            var target = new ReconcileTarget(ItemSource.AzureDevOps, evaluation.Item.Id, evaluation.Item.Kind, rev);
            await applier.ApplyAsync(target, desired, current, cancellationToken).ConfigureAwait(false);
        }

        foreach (var pr in snapshot.PullRequests)
        {
            var evaluation = byId[pr.Item.Id];
            if (!snapshot.BudgetSpent)
            {
                results.Add(evaluation);
            }

            if (!pr.Item.IsOpen)
            {
                continue;
            }

            var desired = snapshot.BudgetSpent
                ? BudgetSpentStatus.State()
                : DesiredStateBuilder.Build(evaluation, anatomy, renderOptions) with { OwnedLabels = new HashSet<string>() };
            var iteration = pr.IterationId?.ToString(CultureInfo.InvariantCulture);
            var target = new ReconcileTarget(ItemSource.AzureDevOps, pr.Item.Id, ItemKind.PullRequest, iteration);
            var check = pr.CurrentCheck(identity, desired.Check);
            if (identity.Id is null && iteration is not null && desired.Check is not null)
            {
                // No status can be proven the bot's yet, so it is posted anyway; its answer teaches the identity. When
                // nothing was learned (a dry run's outbox writes nothing to Azure DevOps) the whole plan follows, as before.
                await applier.ApplyAsync(target, desired with { Comment = null }, CurrentState.Empty, cancellationToken).ConfigureAwait(false);
                check = identity.Id is null ? check : desired.Check;
            }

            var current = new CurrentState { Comment = pr.BotThread(identity), Check = check };
            await applier.ApplyAsync(target, desired, current, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }
}
