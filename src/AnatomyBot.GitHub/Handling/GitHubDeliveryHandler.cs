using System.Net;
using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Commands;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Snapshot;
using AnatomyBot.GitHub.Sweep;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;
using Polly;

namespace AnatomyBot.GitHub.Handling;

/// <summary>Turns a GitHub delivery into reconciled items: facts from the payload (identities only), subjects from the
/// router, then each subject re-read and reconciled; an issue change also re-evaluates the open pull requests that link
/// to it, an anatomy change every open pull request. Expected problems (gone items, permissions) end as a skip reason;
/// rate limits, 5xx, network failures, an open circuit and timeouts throw <see cref="TransientDeliveryException"/> for the
/// queue to retry. The <c>issue_comment</c> deliveries the bot's own comment writes cause are acknowledged without a call.</summary>
public sealed partial class GitHubDeliveryHandler(
    GitHubConnections connections,
    IInstallationTokenSource tokens,
    GitHubBotIdentity identity,
    SubjectReconciler reconciler,
    GitHubCommandRunner commands,
    GitHubAuditRecorder auditRecorder,
    IDeliveryScheduler scheduler,
    AnatomySource anatomySource,
    OrganizationAnatomyFanOut organization,
    IOptions<GitHubOptions> options,
    IOptions<DeliveryProcessorOptions> pipeline,
    ILogger<GitHubDeliveryHandler> logger) : IDeliveryHandler
{
    public string Platform => Platforms.GitHub;

    public async Task<DeliveryResult> HandleAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var calls = ApiCallTally.Begin(pipeline.Value.MaxApiCallsPerDelivery);
        var facts = WebhookFactsReader.Read(delivery.EventName, delivery.Body);
        if (facts is null)
        {
            return DeliveryResult.Skip("body is not a JSON object");
        }

        if (OwnComment(facts) is { } own)
        {
            Log.OwnComment(logger, delivery.Id, own.Id);
            return DeliveryResult.Skip($"comment {own.Id}: the bot's own, acknowledged without a reconcile");
        }

        if (facts.EventName == GitHubEvents.Installation && facts.Action is "deleted" or "suspend")
        {
            tokens.Invalidate(facts.InstallationId);
        }

        var route = SubjectRouter.Route(facts, options.Value.AnatomyPath);
        if (route.Skipped is { } reason)
        {
            return DeliveryResult.Skip(reason);
        }

        connections.Remember(facts.Repository!, facts.InstallationId);
        var evaluations = new List<ItemEvaluation>();
        var gone = new List<GoneItem>();
        var problems = new List<string>();
        var notOptedIn = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var subject in route.Subjects)
        {
            if (subject is DeletedIssueSubject deleted)
            {
                gone.Add(new GoneItem(ItemSource.GitHub, deleted.Issue.ToString()));
                continue;
            }

            await ReconcileAsync(delivery, facts, subject, evaluations, problems, r => notOptedIn.Add(r.ToString()), cancellationToken).ConfigureAwait(false);
        }

        if (notOptedIn.Count > 0)
        {
            var repositories = string.Join(", ", notOptedIn);
            Log.NotOptedIn(logger, delivery.Id, repositories);
            problems.Add($"{repositories}: no anatomy in the repository or the organisation's .github repository, not opted in");
        }

        return calls.Tally.Stamp(new DeliveryResult
        {
            Evaluations = evaluations,
            Gone = gone,
            Skipped = problems.Count == 0 ? null : string.Join("; ", problems),
        });
    }

    private async Task ReconcileAsync(Delivery delivery, WebhookFacts facts, Subject subject, List<ItemEvaluation> evaluations, List<string> problems, Action<RepositoryId> notOptedIn, CancellationToken cancellationToken)
    {
        var repository = subject switch
        {
            PullRequestSubject p => p.PullRequest.Repository,
            IssueSubject i => i.Issue.Repository,
            AnatomyChangedSubject a => a.Repository,
            CommentSubject c => c.Item.Repository,
            RepositorySweepSubject r => r.Repository,
            _ => throw new ArgumentOutOfRangeException(nameof(subject)),
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var client = await connections.ForAsync(repository).ConfigureAwait(false);
                await auditRecorder.RecordAsync(client, delivery, facts, subject, cancellationToken).ConfigureAwait(false);
                var done = await ReconcileSubjectAsync(delivery, client, subject, notOptedIn, cancellationToken).ConfigureAwait(false);
                evaluations.AddRange(done);
                return;
            }
            catch (AuthorizationException) when (attempt == 1)
            {
                // 401: the installation token was revoked or expired early; mint a new one and try once more.
                tokens.Invalidate(connections.InstallationOf(repository));
            }
            catch (ApiException e) when ((int)e.StatusCode >= 500 || e is AbuseException or RateLimitExceededException or SecondaryRateLimitExceededException)
            {
                throw new TransientDeliveryException($"GitHub answered {(int)e.StatusCode} for {subject}", e);
            }
            catch (HttpRequestException e)
            {
                throw new TransientDeliveryException($"GitHub could not be reached for {subject}", e);
            }
            catch (ExecutionRejectedException e)
            {
                // The resilience pipeline refused the call (its circuit is open after a run of 5xx/429) or gave up waiting
                // (attempt or total timeout): GitHub is unwell or slow, the delivery is fine, so it is retried later
                // instead of being parked as poison like a defect.
                throw new TransientDeliveryException($"GitHub calls for {subject} were refused by the resilience pipeline ({e.GetType().Name})", e);
            }
            catch (ApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Gone)
            {
                Log.SubjectFailed(logger, delivery.Id, subject.ToString(), (int)e.StatusCode, e.Message);
                problems.Add($"{subject}: GitHub answered {(int)e.StatusCode} ({e.Message})");
                return;
            }
        }
    }

    private async Task<IReadOnlyList<ItemEvaluation>> ReconcileSubjectAsync(Delivery delivery, IGitHubClient client, Subject subject, Action<RepositoryId> notOptedIn, CancellationToken cancellationToken)
    {
        var results = new List<ItemEvaluation>();
        IReadOnlyList<IssueId> pullRequests;
        switch (subject)
        {
            case PullRequestSubject pr:
                pullRequests = [pr.PullRequest];
                break;
            case IssueSubject issue:
                if (await reconciler.ReconcileIssueAsync(client, issue.Issue, cancellationToken, notOptedIn).ConfigureAwait(false) is { } evaluated)
                {
                    results.Add(evaluated);
                }

                pullRequests = issue.WithLinkedPullRequests
                    ? await SubjectReconciler.DependentPullRequestsAsync(client, issue.Issue).ConfigureAwait(false)
                    : [];
                break;
            case AnatomyChangedSubject changed:
                await QueueOpenItemsAsync(delivery, client, changed.Repository, item => SweepDelivery.AnatomyChangedId(delivery.Id, item), cancellationToken).ConfigureAwait(false);
                if (organization.IsOrganizationConfig(changed.Repository))
                {
                    await organization.QueueAsync(delivery, client, changed.Repository, cancellationToken).ConfigureAwait(false);
                }

                return results;
            case RepositorySweepSubject sweep:
                if (await anatomySource.HasOwnAsync(client, sweep.Repository).ConfigureAwait(false))
                {
                    Log.OwnAnatomy(logger, delivery.Id, sweep.Repository);
                    return results;
                }

                await QueueOpenItemsAsync(delivery, client, sweep.Repository, item => $"{delivery.Id}#{item.Number}", cancellationToken).ConfigureAwait(false);
                return results;
            case CommentSubject comment:
                var (commanded, skipped) = await commands.RunAsync(client, comment, cancellationToken).ConfigureAwait(false);
                if (skipped is not null)
                {
                    Log.CommentSkipped(logger, delivery.Id, skipped);
                }

                return commanded;
            default:
                return results;
        }

        foreach (var id in pullRequests)
        {
            var prClient = id.Repository == SubjectRepository(subject) ? client : await connections.ForAsync(id.Repository).ConfigureAwait(false);
            if (await reconciler.ReconcilePullRequestAsync(prClient, id, cancellationToken, notOptedIn).ConfigureAwait(false) is { } evaluated)
            {
                results.Add(evaluated);
            }
        }

        return results;
    }

    /// <summary>A new anatomy can change every open item's gaps: each open issue and pull request is queued as its own
    /// delivery (the sweep's kind), so a large repository fans out over the queue instead of running in this one.</summary>
    private async Task QueueOpenItemsAsync(Delivery delivery, IGitHubClient client, RepositoryId repository, Func<IssueId, string> idOf, CancellationToken cancellationToken)
    {
        var open = await RepositoryOpenItems.ListAsync(client, repository).ConfigureAwait(false);
        var installation = connections.InstallationOf(repository);
        foreach (var (item, isPullRequest) in open)
        {
            var queued = SweepDelivery.Create(idOf(item), item, isPullRequest, installation, "anatomy changed", delivery.ReceivedAt);
            await scheduler.EnqueueAsync(queued, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        Log.AnatomyChanged(logger, delivery.Id, repository, open.Count);
    }

    /// <summary>The comment of an <c>issue_comment</c> delivery that is provably the bot's own: written by the login the
    /// bot writes as (its App's bot user, or the token's user; known once this process has asked, never asked here) and
    /// carrying the bot's marker. The marker alone proves nothing: anyone can copy it into a comment.</summary>
    private CommentFacts? OwnComment(WebhookFacts facts) =>
        facts.EventName == GitHubEvents.IssueComment && facts.Comment is { } comment
        && identity.Known is { } self && self.Is(comment.Author)
        && CommandReplies.IsBotComment(comment.Body)
            ? comment
            : null;

    private static RepositoryId? SubjectRepository(Subject subject) => subject switch
    {
        IssueSubject i => i.Issue.Repository,
        AnatomyChangedSubject a => a.Repository,
        PullRequestSubject p => p.PullRequest.Repository,
        CommentSubject c => c.Item.Repository,
        RepositorySweepSubject r => r.Repository,
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: {Subject} not reconciled, GitHub answered {Status}: {Reason}")]
        public static partial void SubjectFailed(ILogger logger, string deliveryId, string subject, int status, string reason);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: {Repositories} never opted in (no anatomy file of its own nor in the organisation's .github repository); nothing written")]
        public static partial void NotOptedIn(ILogger logger, string deliveryId, string repositories);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: {Reason}")]
        public static partial void CommentSkipped(ILogger logger, string deliveryId, string reason);

        [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: {Repository} has an anatomy of its own; the organisation's change does not re-sweep it")]
        public static partial void OwnAnatomy(ILogger logger, string deliveryId, RepositoryId repository);

        [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Delivery {DeliveryId}: comment {CommentId} is the bot's own; acknowledged without a reconcile")]
        public static partial void OwnComment(ILogger logger, string deliveryId, long commentId);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Delivery {DeliveryId}: the anatomy of {Repository} changed; {Count} open items queued for re-evaluation")]
        public static partial void AnatomyChanged(ILogger logger, string deliveryId, RepositoryId repository, int count);
    }
}
