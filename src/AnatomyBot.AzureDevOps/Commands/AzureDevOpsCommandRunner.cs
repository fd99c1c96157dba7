using System.Globalization;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Commands;

/// <summary>Runs the <c>/anatomy</c> commands of a pull-request thread comment or of a work-item comment and answers each
/// one where it was asked: in the same thread, or with a new comment in the work item's discussion (a reply carries
/// <see cref="CommandReplies.Marker"/>, never the sticky comment's marker, so it is neither taken for the sticky comment
/// nor read as a command). The comment is read again from Azure DevOps (only its ids come from the notification); the
/// bot's own comments (its identity; its marker only while the identity is unknown) and edited comments (a thread comment's <c>lastContentUpdatedDate</c>
/// after its <c>publishedDate</c>, a work-item comment's version above 1) are not run. Before a command acts it is
/// appended to the audit trail under the item, the comment id and the line, so a comment delivered again acts once.
/// Permissions: <see cref="AzureDevOpsCommandPermissions"/>.</summary>
public sealed class AzureDevOpsCommandRunner(
    AzureDevOpsClient client,
    AzureDevOpsBotIdentity identity,
    ProjectAnatomies anatomies,
    IOptions<AzureDevOpsOptions> options,
    TimeProvider time,
    IAuditLedger? audit = null)
{
    /// <summary>How often a tag write is tried again when the work item changed under it.</summary>
    private const int MaxTagAttempts = 3;

    /// <summary>Whether a comment is the bot's own: written by its identity, or, while that is not known yet, carrying its
    /// marker (the marker alone would let anyone's quote go unread, but with no identity to compare it is all there is, and
    /// reading the bot's own replies as commands would be worse).</summary>
    private bool IsOwn(string? authorId, string? text) =>
        identity.IsSelf(authorId) || (identity.Id is null && CommandReplies.IsBotComment(text));

    /// <summary>Runs the commands of comment <paramref name="commentId"/> of thread <paramref name="threadId"/>;
    /// <paramref name="reevaluate"/> reconciles the pull request (and what it links) and returns the evaluations. The
    /// evaluations made (the last of each item), or why nothing was run.</summary>
    public async Task<(IReadOnlyList<ItemEvaluation> Evaluations, string? Skipped)> RunAsync(
        PullRequestRef pr,
        int threadId,
        int commentId,
        Func<CancellationToken, Task<IReadOnlyList<ItemEvaluation>>> reevaluate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pr);
        ArgumentNullException.ThrowIfNull(reevaluate);
        var where = $"comment {threadId.ToString(CultureInfo.InvariantCulture)}/{commentId.ToString(CultureInfo.InvariantCulture)}";
        var thread = await client.GetThreadAsync(pr, threadId, cancellationToken).ConfigureAwait(false);
        var comment = thread?.Comments?.FirstOrDefault(c => c.Id == commentId);
        if (comment is null || comment.IsDeleted)
        {
            return ([], $"{where}: no longer exists");
        }

        if (IsOwn(comment.Author?.Id, comment.Content))
        {
            return ([], $"{where}: written by the bot, not read for commands");
        }

        if (comment.LastContentUpdatedDate is { } edited && comment.PublishedDate is { } published && edited > published)
        {
            return ([], $"{where}: edited; an edited comment is not run again");
        }

        var lines = CommentCommands.Parse(comment.Content);
        if (lines.Count == 0)
        {
            return ([], $"{where}: no /anatomy command");
        }

        var pullRequest = await client.GetPullRequestAsync(pr, cancellationToken).ConfigureAwait(false);
        if (pullRequest is null)
        {
            return ([], $"{where}: the pull request no longer exists");
        }

        if (options.Value.ConfiguredProjects.Count > 0 && pullRequest.Repository?.Project is { } project
            && !options.Value.IsConfigured(project.Name) && !options.Value.IsConfigured(project.Id))
        {
            return ([], $"{where}: project {project.Name ?? project.Id} has no configured anatomy; commands are not answered there");
        }

        // Named as the evaluation names it (project and repository names), so a recorded waiver finds its item.
        var named = new PullRequestRef(pullRequest.Repository?.Project?.Name ?? pr.Project, pullRequest.Repository?.Name ?? pr.RepositoryId, pullRequest.PullRequestId);
        var item = PullRequestIds.Format(named);
        var site = new Site(
            item,
            options.Value.ConfiguredProjectOrDefault(pullRequest.Repository?.Project?.Name, pullRequest.Repository?.Project?.Id),
            pullRequest.CreatedBy,
            "pull request",
            string.Create(CultureInfo.InvariantCulture, $"{RecordedWaivers.CommandKeyPrefix}azure-devops:{item}:{threadId}:{commentId}"),
            PullRequestUrl(named, threadId),
            (body, ct) => client.CreateThreadCommentAsync(pr, threadId, commentId, body, ct),
            ct => client.GetPullRequestWorkItemIdsAsync(pr, ct),
            e => e.Item.Kind == ItemKind.PullRequest && string.Equals(e.Item.Id, item, StringComparison.OrdinalIgnoreCase),
            e => e.Item.Kind == ItemKind.PullRequest,
            reevaluate);
        return await RunLinesAsync(site, comment.Author, lines, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the commands of the comment revision <paramref name="revision"/> of work item
    /// <paramref name="workItemId"/> added (<c>workitem.commented</c> names only the item and its revision): the revision
    /// is read for the comment it added (<c>commentVersionRef</c>), the item's project and creator, then the comment
    /// itself. <paramref name="reevaluate"/> reconciles the work item and returns the evaluations. The evaluations made
    /// (the last of each item), or why nothing was run.</summary>
    public async Task<(IReadOnlyList<ItemEvaluation> Evaluations, string? Skipped)> RunOnWorkItemAsync(
        int workItemId,
        int revision,
        Func<CancellationToken, Task<IReadOnlyList<ItemEvaluation>>> reevaluate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reevaluate);
        var item = workItemId.ToString(CultureInfo.InvariantCulture);
        var at = await client.GetWorkItemRevisionAsync(workItemId, revision, cancellationToken).ConfigureAwait(false);
        if (at?.CommentVersionRef is not { CommentId: > 0 } reference)
        {
            return ([], $"work item {item} revision {revision.ToString(CultureInfo.InvariantCulture)}: {(at is null ? "no longer exists" : "adds no comment")}");
        }

        var where = $"work item {item} comment {reference.CommentId.ToString(CultureInfo.InvariantCulture)}";
        if (reference.Version > 1)
        {
            return ([], $"{where}: edited; an edited comment is not run again");
        }

        var comment = await client.GetWorkItemCommentAsync(workItemId, reference.CommentId, cancellationToken).ConfigureAwait(false);
        if (comment is null || comment.IsDeleted)
        {
            return ([], $"{where}: no longer exists");
        }

        if (IsOwn(comment.CreatedBy?.Id, comment.Text))
        {
            return ([], $"{where}: written by the bot, not read for commands");
        }

        if (comment.Version > 1)
        {
            return ([], $"{where}: edited; an edited comment is not run again");
        }

        var lines = string.Equals(comment.Format, "html", StringComparison.OrdinalIgnoreCase)
            ? CommentCommands.ParseHtml(comment.Text)
            : CommentCommands.Parse(comment.Text);
        if (lines.Count == 0)
        {
            return ([], $"{where}: no /anatomy command");
        }

        var project = WorkItemFields.Text(at, "System.TeamProject");
        if (options.Value.ConfiguredProjects.Count > 0 && project is not null && !options.Value.IsConfigured(project))
        {
            return ([], $"{where}: project {project} has no configured anatomy; commands are not answered there");
        }

        var site = new Site(
            item,
            options.Value.ConfiguredProjectOrDefault(project),
            WorkItemFields.Identity(at, "System.CreatedBy"),
            "work item",
            string.Create(CultureInfo.InvariantCulture, $"{RecordedWaivers.CommandKeyPrefix}azure-devops:{item}:comment:{reference.CommentId}"),
            WorkItemCommentUrl(project, workItemId, reference.CommentId),
            async (body, ct) => await client.AddWorkItemCommentAsync(workItemId, body, ct).ConfigureAwait(false),
            _ => Task.FromResult<IReadOnlyList<int>>([workItemId]),
            e => e.Item.Kind != ItemKind.PullRequest && string.Equals(e.Item.Id, item, StringComparison.Ordinal),
            _ => false,
            reevaluate);
        return await RunLinesAsync(site, comment.CreatedBy, lines, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decides, records and acts on each command line of one comment, answering each.</summary>
    private async Task<(IReadOnlyList<ItemEvaluation> Evaluations, string? Skipped)> RunLinesAsync(
        Site site, IdentityDto? commenter, IReadOnlyList<CommandLine> lines, CancellationToken cancellationToken)
    {
        var author = commenter ?? new IdentityDto(null, null, null);
        var actor = author.UniqueName ?? author.DisplayName ?? author.Id ?? "unknown";
        var anatomy = (await anatomies.For(site.Project).GetAsync(null, cancellationToken).ConfigureAwait(false)).Anatomy;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var index = 0; index < lines.Count; index++)
        {
            var (command, refusal) = CommandGate.Decide(lines[index], anatomy, today);
            if (refusal is null && command is not null)
            {
                refusal = Refusal(site, command, author, actor, anatomy);
            }

            if (refusal is null && command is not null && audit is null)
            {
                refusal = CommandReplies.Invalid(command.Text, "this bot keeps no ledger, so commands cannot be recorded");
            }

            if (refusal is not null || command is null)
            {
                await site.Reply(refusal!, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var entry = CommandAudit.Entry(command, site.Item, actor, now, site.Origin, string.Create(CultureInfo.InvariantCulture, $"{site.AuditKey}:{index}"));
            if (!await audit!.AppendAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var reply = await ActAsync(site, command, entry, anatomy!, cancellationToken).ConfigureAwait(false);
            await site.Reply(reply, cancellationToken).ConfigureAwait(false);
        }

        return ([.. site.Evaluations.Values], null);
    }

    private static string? Refusal(Site site, AnatomyCommand command, IdentityDto author, string actor, EnterpriseAnatomy? anatomy)
    {
        var approvers = anatomy?.Policy.Waivers.Approvers ?? [];
        var allowed = command.Permission switch
        {
            CommandAccess.Write => AzureDevOpsCommandPermissions.IsNamedApprover(author, approvers) || AzureDevOpsCommandPermissions.IsSame(author, site.Creator),
            CommandAccess.Approver => AzureDevOpsCommandPermissions.IsNamedApprover(author, approvers),
            _ => true,
        };
        return allowed ? null : CommandReplies.NotAllowed(command, actor, CommandReplies.Who(command.Permission, approvers, azureDevOps: true, site.CreatorOf));
    }

    private async Task<string> ActAsync(Site site, AnatomyCommand command, AuditEntry entry, EnterpriseAnatomy anatomy, CancellationToken cancellationToken)
    {
        var unevaluated = $"the {site.CreatorOf} could not be evaluated";
        switch (command.Kind)
        {
            case CommandKind.Link:
                var linked = await site.LinkTargets(cancellationToken).ConfigureAwait(false);
                if (linked.Count != 1)
                {
                    return linked.Count == 0
                        ? CommandReplies.Invalid(command.Text, "this pull request links no work item, and a pull request carries no tags; link it to the work item it belongs to, then run the command again")
                        : CommandReplies.WhichItem(command, [.. linked.Select(id => id.ToString(CultureInfo.InvariantCulture))]);
                }

                if (!await AddTagAsync(linked[0], command.LinkLabel!, cancellationToken).ConfigureAwait(false))
                {
                    return CommandReplies.Invalid(command.Text, $"work item {linked[0].ToString(CultureInfo.InvariantCulture)} could not be tagged (it is gone or kept changing)");
                }

                var after = await ReevaluateAsync(site, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Linked(command, linked[0].ToString(CultureInfo.InvariantCulture), azureDevOps: true, after);
            case CommandKind.Waive:
                await ReevaluateAsync(site, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Waived(command, site.Item, entry.Actor);
            case CommandKind.Unwaive:
                var before = (await ListAsync(anatomy, cancellationToken).ConfigureAwait(false)).Where(e => e.Key != entry.Key);
                var hadWaiver = RecordedWaivers.For(before, site.Item).Any(w => w.Gaps[0] == command.GapCode);
                await ReevaluateAsync(site, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Unwaived(command, site.Item, hadWaiver);
            case CommandKind.Explain:
                var explained = await ReevaluateAsync(site, cancellationToken).ConfigureAwait(false);
                return explained is null ? CommandReplies.Invalid(command.Text, unevaluated) : CommandReplies.Explain(explained, anatomy);
            default:
                var rechecked = await ReevaluateAsync(site, cancellationToken).ConfigureAwait(false);
                return rechecked is null ? CommandReplies.Invalid(command.Text, unevaluated) : CommandReplies.Rechecked(rechecked);
        }
    }

    /// <summary>Adds <paramref name="tag"/> to the work item's <c>System.Tags</c> at the revision read, reading again
    /// when it changed in between; false when it is gone or kept changing.</summary>
    private async Task<bool> AddTagAsync(int id, string tag, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxTagAttempts; attempt++)
        {
            var workItem = await client.GetWorkItemAsync(id, cancellationToken).ConfigureAwait(false);
            if (workItem is null)
            {
                return false;
            }

            var tags = workItem.Fields is { } fields && fields.TryGetValue("System.Tags", out var value) && value.ValueKind == JsonValueKind.String
                ? TagList.Parse(value.GetString())
                : [];
            if (tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            switch (await client.UpdateTagsAsync(id, workItem.Rev, TagList.Format([.. tags, tag]), cancellationToken).ConfigureAwait(false))
            {
                case TagUpdateOutcome.Updated:
                    return true;
                case TagUpdateOutcome.NotFound:
                    return false;
            }
        }

        return false;
    }

    private static async Task<ItemEvaluation?> ReevaluateAsync(Site site, CancellationToken cancellationToken)
    {
        var evaluations = await site.Reevaluate(cancellationToken).ConfigureAwait(false);
        foreach (var evaluation in evaluations)
        {
            site.Evaluations[evaluation.Item.Id] = evaluation;
        }

        return evaluations.FirstOrDefault(site.IsSubject) ?? evaluations.FirstOrDefault(site.IsFallback);
    }

    private Task<List<AuditEntry>> ListAsync(EnterpriseAnatomy anatomy, CancellationToken cancellationToken) =>
        RecordedWaiverReader.ReadAsync(audit!, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), anatomy.Policy.Waivers.MaxDays, cancellationToken);

    /// <summary>The thread in the pull request's web page: <c>{organization}/{project}/_git/{repository}/pullrequest/{id}?discussionId={thread}</c>.</summary>
    private string? PullRequestUrl(PullRequestRef named, int threadId) => options.Value.OrganizationUrl is { } organization
        ? string.Create(CultureInfo.InvariantCulture, $"{organization.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(named.Project)}/_git/{Uri.EscapeDataString(named.RepositoryId)}/pullrequest/{named.PullRequestId}?discussionId={threadId}")
        : null;

    /// <summary>The comment's own address, <c>{organization}/{project}/_apis/wit/workItems/{id}/comments/{commentId}</c>
    /// (the Comments API's <c>url</c>; Azure DevOps documents no web address of a single work-item comment).</summary>
    private string? WorkItemCommentUrl(string? project, int workItemId, int commentId) => options.Value.OrganizationUrl is { } organization
        ? string.Create(CultureInfo.InvariantCulture, $"{organization.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(project ?? options.Value.DefaultProject)}/_apis/wit/workItems/{workItemId}/comments/{commentId}")
        : null;

    /// <summary>Where a comment's commands run: the item they act on (its id as evaluations name it), the configured
    /// project whose anatomy judges them, the item's creator and what it is (<c>pull request</c>, <c>work item</c>), the
    /// comment's audit key (without the line) and address, how a reply is written, which work items <c>link</c> tags,
    /// which evaluation answers for the item (and, failing it, which will do), and how the item is evaluated again.</summary>
    private sealed record Site(
        string Item,
        string Project,
        IdentityDto? Creator,
        string CreatorOf,
        string AuditKey,
        string? Origin,
        Func<string, CancellationToken, Task> Reply,
        Func<CancellationToken, Task<IReadOnlyList<int>>> LinkTargets,
        Func<ItemEvaluation, bool> IsSubject,
        Func<ItemEvaluation, bool> IsFallback,
        Func<CancellationToken, Task<IReadOnlyList<ItemEvaluation>>> Reevaluate)
    {
        public Dictionary<string, ItemEvaluation> Evaluations { get; } = new(StringComparer.Ordinal);
    }
}
