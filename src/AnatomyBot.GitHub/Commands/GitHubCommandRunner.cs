using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Linkage;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Handling;
using AnatomyBot.GitHub.Snapshot;
using Octokit;

namespace AnatomyBot.GitHub.Commands;

/// <summary>Runs the <c>/anatomy</c> commands of a new issue or pull-request comment and answers each one with a comment:
/// done, or exactly why not. The bot's own comments (its replies and report: its marker, written by the login it writes
/// as) and any bot account's are never read; a person's comment quoting the marker is. Before a
/// command acts it is appended to the audit trail under its comment id and line, so a comment delivered again acts
/// once. Permissions: <see cref="GitHubPermissions"/>.</summary>
public sealed class GitHubCommandRunner(
    AnatomySource anatomySource,
    SubjectReconciler reconciler,
    GitHubPermissions permissions,
    GitHubBotIdentity identity,
    TimeProvider time,
    IAuditLedger? audit = null)
{
    /// <summary>Runs the commands of <paramref name="subject"/>; the evaluations it made (re-checks), and why nothing was
    /// run when nothing was.</summary>
    public async Task<(IReadOnlyList<ItemEvaluation> Evaluations, string? Skipped)> RunAsync(IGitHubClient client, CommentSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(subject);
        var comment = subject.Comment;
        if (comment.AuthorIsBot || (CommandReplies.IsBotComment(comment.Body) && await IsSelfAsync(client, comment.Author).ConfigureAwait(false)))
        {
            return ([], $"comment {comment.Id}: written by a bot, not read for commands");
        }

        var lines = CommentCommands.Parse(comment.Body);
        if (lines.Count == 0)
        {
            return ([], $"comment {comment.Id}: no /anatomy command");
        }

        var repository = subject.Item.Repository;
        var anatomy = (await anatomySource.LoadAsync(client, repository).ConfigureAwait(false)).Anatomy;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var evaluations = new List<ItemEvaluation>();
        for (var index = 0; index < lines.Count; index++)
        {
            var (command, refusal) = CommandGate.Decide(lines[index], anatomy, today);
            if (refusal is null && command is not null)
            {
                refusal = await RefusalAsync(client, repository, command, comment.Author, anatomy).ConfigureAwait(false);
            }

            if (refusal is null && command is not null && audit is null)
            {
                refusal = CommandReplies.Invalid(command.Text, "this bot keeps no ledger, so commands cannot be recorded");
            }

            if (refusal is not null || command is null)
            {
                await ReplyAsync(client, subject.Item, refusal!).ConfigureAwait(false);
                continue;
            }

            var entry = Entry(subject, command, now, index);
            if (!await audit!.AppendAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var reply = await ActAsync(client, subject, command, entry, anatomy!, evaluations, cancellationToken).ConfigureAwait(false);
            await ReplyAsync(client, subject.Item, reply).ConfigureAwait(false);
        }

        return (evaluations, null);
    }

    /// <summary>Whether <paramref name="author"/> is the login the bot writes as (a token's user writes as a person would).</summary>
    private async Task<bool> IsSelfAsync(IGitHubClient client, string author) =>
        (await identity.GetAsync(client).ConfigureAwait(false)).Is(author);

    private async Task<string?> RefusalAsync(IGitHubClient client, RepositoryId repository, AnatomyCommand command, string author, EnterpriseAnatomy? anatomy)
    {
        var approvers = anatomy?.Policy.Waivers.Approvers ?? [];
        var allowed = command.Permission switch
        {
            CommandAccess.Write => await permissions.CanWriteAsync(client, repository, author).ConfigureAwait(false),
            CommandAccess.Approver => await permissions.IsApproverAsync(client, repository, author, approvers).ConfigureAwait(false),
            _ => true,
        };
        return allowed ? null : CommandReplies.NotAllowed(command, author, CommandReplies.Who(command.Permission, approvers, azureDevOps: false));
    }

    private async Task<string> ActAsync(IGitHubClient client, CommentSubject subject, AnatomyCommand command, AuditEntry entry, EnterpriseAnatomy anatomy, List<ItemEvaluation> evaluations, CancellationToken cancellationToken)
    {
        var item = subject.Item.ToString();
        switch (command.Kind)
        {
            case CommandKind.Link:
                var target = await LinkTargetAsync(client, subject, cancellationToken).ConfigureAwait(false);
                if (target.Ambiguous is { } linked)
                {
                    return CommandReplies.WhichItem(command, linked);
                }

                var labelled = target.Item!;
                await AddLabelAsync(client, labelled, command.LinkLabel!).ConfigureAwait(false);
                var after = await ReevaluateAsync(client, subject, evaluations, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Linked(command, labelled.ToString(), azureDevOps: false, after);
            case CommandKind.Waive:
                await ReevaluateAsync(client, subject, evaluations, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Waived(command, item, entry.Actor);
            case CommandKind.Unwaive:
                var before = (await ListAsync(anatomy, cancellationToken).ConfigureAwait(false)).Where(e => e.Key != entry.Key);
                var hadWaiver = RecordedWaivers.For(before, item).Any(w => w.Gaps[0] == command.GapCode);
                await ReevaluateAsync(client, subject, evaluations, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Unwaived(command, item, hadWaiver);
            case CommandKind.Explain:
                var explained = await ReevaluateAsync(client, subject, evaluations, cancellationToken).ConfigureAwait(false);
                return explained is null ? CommandReplies.Invalid(command.Text, "the item could not be evaluated") : CommandReplies.Explain(explained, anatomy);
            default:
                var rechecked = await ReevaluateAsync(client, subject, evaluations, cancellationToken).ConfigureAwait(false);
                return rechecked is null ? CommandReplies.Invalid(command.Text, "the item could not be evaluated") : CommandReplies.Rechecked(rechecked);
        }
    }

    /// <summary>Where a link goes: an issue itself; a pull request's one linked issue of GitHub, or the pull request when
    /// it links none; with several, the question which.</summary>
    private async Task<(IssueId? Item, IReadOnlyList<string>? Ambiguous)> LinkTargetAsync(IGitHubClient client, CommentSubject subject, CancellationToken cancellationToken)
    {
        if (!subject.OnPullRequest)
        {
            return (subject.Item, null);
        }

        var evaluation = await reconciler.EvaluatePullRequestAsync(client, subject.Item, cancellationToken).ConfigureAwait(false);
        var linked = evaluation?.LinkedItems ?? [];
        return linked.Count switch
        {
            0 => (subject.Item, null),
            1 when IssueId.TryParse(linked[0]) is { } issue => (issue, null),
            _ => (null, linked),
        };
    }

    private async Task<ItemEvaluation?> ReevaluateAsync(IGitHubClient client, CommentSubject subject, List<ItemEvaluation> evaluations, CancellationToken cancellationToken)
    {
        var evaluation = subject.OnPullRequest
            ? await reconciler.ReconcilePullRequestAsync(client, subject.Item, cancellationToken).ConfigureAwait(false)
            : await reconciler.ReconcileIssueAsync(client, subject.Item, cancellationToken).ConfigureAwait(false);
        if (evaluation is not null)
        {
            evaluations.Add(evaluation);
        }

        return evaluation;
    }

    private Task<List<AuditEntry>> ListAsync(EnterpriseAnatomy anatomy, CancellationToken cancellationToken) =>
        RecordedWaiverReader.ReadAsync(audit!, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), anatomy.Policy.Waivers.MaxDays, cancellationToken);

    private static AuditEntry Entry(CommentSubject subject, AnatomyCommand command, DateTimeOffset now, int index) =>
        CommandAudit.Entry(command, subject.Item.ToString(), subject.Comment.Author, now, subject.Comment.Url,
            $"{RecordedWaivers.CommandKeyPrefix}github:{subject.Item.Repository}:{subject.Comment.Id}:{index}");

    /// <summary>Through the API connection: GitHub's description takes <c>{"labels": [...]}</c>, Octokit's
    /// <c>AddToIssue</c> sends a bare array.</summary>
    private static async Task AddLabelAsync(IGitHubClient client, IssueId item, string label) =>
        await new ApiConnection(client.Connection).Post<IReadOnlyList<Label>>(
            ApiUrls.IssueLabels(item.Repository.Owner, item.Repository.Name, item.Number), Reconcile.GitHubApplier.LabelsBody([label])).ConfigureAwait(false);

    private static async Task ReplyAsync(IGitHubClient client, IssueId item, string body) =>
        await client.Issue.Comment.Create(item.Repository.Owner, item.Repository.Name, item.Number, body).ConfigureAwait(false);
}
