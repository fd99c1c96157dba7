using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Reconcile;
using AnatomyBot.GitHub.Snapshot;
using Octokit;

namespace AnatomyBot.GitHub.Handling;

/// <summary>Reconciles one subject: re-read, evaluate, desire, then apply only the difference (<see cref="DifferenceApplier"/>)
/// — under the repository's write lock so concurrent deliveries for one pull request serialise. A closed or merged item
/// is evaluated for the ledger (its verdict at closure, its merge time) and nothing is written to it. A repository with no
/// anatomy of its own nor in the organisation's <c>.github</c> repository never opted in: nothing is written there either,
/// and <c>notOptedIn</c> is told.</summary>
public sealed class SubjectReconciler(
    AnatomySource anatomySource,
    GitHubSnapshotReader snapshots,
    EngineCache engines,
    IEnumerable<IReconcileApplier> appliers,
    RepositoryWriteLocks locks,
    GitHubBotIdentity identity,
    GitHubConnections connections,
    TimeProvider? time = null,
    IAuditLedger? audit = null)
{
    private readonly DifferenceApplier _applier = new(appliers, ItemSource.GitHub);

    /// <summary>Evaluates and reconciles a pull request; a closed one is only evaluated; null when it is gone or there is
    /// no valid anatomy for a closed one.</summary>
    public async Task<ItemEvaluation?> ReconcilePullRequestAsync(IGitHubClient client, IssueId id, CancellationToken cancellationToken, Action<RepositoryId>? notOptedIn = null)
    {
        using var held = await locks.AcquireAsync(id.Repository.ToString(), cancellationToken).ConfigureAwait(false);
        var snapshot = await snapshots.ReadPullRequestAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return null;
        }

        var anatomy = await anatomySource.LoadAsync(client, id.Repository).ConfigureAwait(false);
        if (anatomy.Status == AnatomyLoadStatus.Missing)
        {
            notOptedIn?.Invoke(id.Repository);
            return null;
        }

        if (!snapshot.Item.IsOpen)
        {
            return anatomy.Anatomy is { } closedIn ? engines.For(closedIn).Evaluate([snapshot.Item, .. snapshot.Linked])[0] : null;
        }

        var self = await identity.GetAsync(client).ConfigureAwait(false);
        var existingComment = await CurrentStateReader.FindCommentAsync(client, id, self).ConfigureAwait(false);
        // Where the merge gate is the commit status, no check run is read; the applier compares the status itself.
        var run = connections.UsesCommitStatus(id.Repository) ? null : await CurrentStateReader.FindCheckRunAsync(client, id.Repository, snapshot.HeadSha, self).ConfigureAwait(false);
        var current = new CurrentState { Labels = snapshot.Item.Labels, Comment = existingComment, Check = run?.State };

        ItemEvaluation? evaluation = null;
        DesiredState desired;
        if (snapshot.BudgetSpent)
        {
            desired = BudgetSpentState.For(ApiCallTally.Current?.Budget ?? 0, OwnedLabelsOf(snapshot.Item));
        }
        else if (anatomy.Anatomy is { } model)
        {
            evaluation = await WithRecordedWaiversAsync(engines.For(model).Evaluate([snapshot.Item, .. snapshot.Linked])[0], model, cancellationToken).ConfigureAwait(false);
            desired = DesiredStateBuilder.Build(evaluation, model, new RenderOptions());
        }
        else
        {
            desired = AnatomyProblemState.For(anatomy, OwnedLabelsOf(snapshot.Item));
        }

        await _applier.ApplyAsync(new ReconcileTarget(ItemSource.GitHub, id.ToString(), ItemKind.PullRequest, snapshot.HeadSha), desired, current, cancellationToken)
            .ConfigureAwait(false);
        return evaluation;
    }

    /// <summary>Evaluates an issue and reconciles its gap labels and its sticky comment (a closed issue is only
    /// evaluated); null when it is gone, a pull request, or there is no valid anatomy (nothing is reported on issues then).</summary>
    public async Task<ItemEvaluation?> ReconcileIssueAsync(IGitHubClient client, IssueId id, CancellationToken cancellationToken, Action<RepositoryId>? notOptedIn = null)
    {
        using var held = await locks.AcquireAsync(id.Repository.ToString(), cancellationToken).ConfigureAwait(false);
        var items = await snapshots.ReadIssueWithAncestorsAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return null;
        }

        var anatomy = await anatomySource.LoadAsync(client, id.Repository).ConfigureAwait(false);
        if (anatomy.Anatomy is not { } model)
        {
            if (anatomy.Status == AnatomyLoadStatus.Missing)
            {
                notOptedIn?.Invoke(id.Repository);
            }

            return null;
        }

        var evaluation = await WithRecordedWaiversAsync(engines.For(model).Evaluate(items)[0], model, cancellationToken).ConfigureAwait(false);
        if (!items[0].IsOpen)
        {
            return evaluation;
        }

        var desired = DesiredStateBuilder.Build(evaluation, model);
        // The comments are listed only when the item may get one: policy.itemComments: never costs no request.
        var existingComment = desired.Comment is null
            ? null
            : await CurrentStateReader.FindCommentAsync(client, id, await identity.GetAsync(client).ConfigureAwait(false)).ConfigureAwait(false);
        var current = new CurrentState { Labels = items[0].Labels, Comment = existingComment };
        await _applier.ApplyAsync(new ReconcileTarget(ItemSource.GitHub, id.ToString(), evaluation.Item.Kind), desired, current, cancellationToken)
            .ConfigureAwait(false);
        return evaluation;
    }

    private static HashSet<string> OwnedLabelsOf(WorkItem item) =>
        item.Labels.Where(OwnedLabels.IsOwned).Select(OwnedLabels.Canonical).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Evaluates a pull request without writing anything; null when it is gone or there is no valid anatomy.</summary>
    public async Task<ItemEvaluation?> EvaluatePullRequestAsync(IGitHubClient client, IssueId id, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.ReadPullRequestAsync(client, id, cancellationToken).ConfigureAwait(false);
        return snapshot is not null && (await anatomySource.LoadAsync(client, id.Repository).ConfigureAwait(false)).Anatomy is { } model
            ? engines.For(model).Evaluate([snapshot.Item, .. snapshot.Linked])[0]
            : null;
    }

    /// <summary>The evaluation with the waivers <c>/anatomy waive</c> recorded in the audit trail for the item marked,
    /// judged on the clock's UTC day like the file's own.</summary>
    private async Task<ItemEvaluation> WithRecordedWaiversAsync(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, CancellationToken cancellationToken) =>
        (await new RecordedWaiverReader(audit, time ?? TimeProvider.System).ApplyAsync([evaluation], anatomy, cancellationToken).ConfigureAwait(false))[0];

    public static Task<IReadOnlyList<IssueId>> DependentPullRequestsAsync(IGitHubClient client, IssueId issue) =>
        DependentPullRequests.FindAsync(client, issue);
}
