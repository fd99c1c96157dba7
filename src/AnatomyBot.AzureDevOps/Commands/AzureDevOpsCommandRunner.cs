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

/// <summary>Runs the <c>/anatomy</c> commands of a pull-request thread comment and answers each one in the same thread:
/// done, or exactly why not. The comment is read again from Azure DevOps (only its ids come from the notification); the
/// bot's own comments (its identity, its marker) and edited comments (<c>lastContentUpdatedDate</c> after
/// <c>publishedDate</c>) are not run. Before a command acts it is appended to the audit trail under the pull request,
/// thread, comment id and line, so a comment delivered again acts once. Permissions:
/// <see cref="AzureDevOpsCommandPermissions"/>.</summary>
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

        if (identity.IsSelf(comment.Author?.Id) || CommandReplies.IsBotComment(comment.Content))
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

        var author = comment.Author ?? new IdentityDto(null, null, null);
        var actor = author.UniqueName ?? author.DisplayName ?? author.Id ?? "unknown";
        var anatomy = (await anatomies.For(ConfiguredProject(pullRequest.Repository?.Project)).GetAsync(null, cancellationToken).ConfigureAwait(false)).Anatomy;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Named as the evaluation names it (project and repository names), so a recorded waiver finds its item.
        var named = new PullRequestRef(pullRequest.Repository?.Project?.Name ?? pr.Project, pullRequest.Repository?.Name ?? pr.RepositoryId, pullRequest.PullRequestId);
        var item = PullRequestIds.Format(named);
        var run = new Run(pr, named, threadId, commentId, item, pullRequest.CreatedBy, reevaluate);
        for (var index = 0; index < lines.Count; index++)
        {
            var (command, refusal) = CommandGate.Decide(lines[index], anatomy, today);
            if (refusal is null && command is not null)
            {
                refusal = Refusal(run, command, author, actor, anatomy);
            }

            if (refusal is null && command is not null && audit is null)
            {
                refusal = CommandReplies.Invalid(command.Text, "this bot keeps no ledger, so commands cannot be recorded");
            }

            if (refusal is not null || command is null)
            {
                await ReplyAsync(run, refusal!, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var entry = Entry(run, command, actor, now, index);
            if (!await audit!.AppendAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var reply = await ActAsync(run, command, entry, anatomy!, cancellationToken).ConfigureAwait(false);
            await ReplyAsync(run, reply, cancellationToken).ConfigureAwait(false);
        }

        return ([.. run.Evaluations.Values], null);
    }

    /// <summary>The configured project the pull request belongs to, by name or id, whose anatomy its commands are judged by;
    /// the first configured project when the pull request does not say.</summary>
    private string ConfiguredProject(ProjectDto? project)
    {
        var settings = options.Value;
        return settings.ConfiguredProjects.FirstOrDefault(p => string.Equals(p, project?.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(p, project?.Id, StringComparison.OrdinalIgnoreCase))
            ?? settings.DefaultProject;
    }

    private static string? Refusal(Run run, AnatomyCommand command, IdentityDto author, string actor, EnterpriseAnatomy? anatomy)
    {
        var approvers = anatomy?.Policy.Waivers.Approvers ?? [];
        var allowed = command.Permission switch
        {
            CommandAccess.Write => AzureDevOpsCommandPermissions.IsNamedApprover(author, approvers) || AzureDevOpsCommandPermissions.IsSame(author, run.Creator),
            CommandAccess.Approver => AzureDevOpsCommandPermissions.IsNamedApprover(author, approvers),
            _ => true,
        };
        return allowed ? null : CommandReplies.NotAllowed(command, actor, CommandReplies.Who(command.Permission, approvers, azureDevOps: true));
    }

    private async Task<string> ActAsync(Run run, AnatomyCommand command, AuditEntry entry, EnterpriseAnatomy anatomy, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case CommandKind.Link:
                var linked = await client.GetPullRequestWorkItemIdsAsync(run.PullRequest, cancellationToken).ConfigureAwait(false);
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

                var after = await ReevaluateAsync(run, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Linked(command, linked[0].ToString(CultureInfo.InvariantCulture), azureDevOps: true, after);
            case CommandKind.Waive:
                await ReevaluateAsync(run, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Waived(command, run.Item, entry.Actor);
            case CommandKind.Unwaive:
                var before = (await ListAsync(anatomy, cancellationToken).ConfigureAwait(false)).Where(e => e.Key != entry.Key);
                var hadWaiver = RecordedWaivers.For(before, run.Item).Any(w => w.Gaps[0] == command.GapCode);
                await ReevaluateAsync(run, cancellationToken).ConfigureAwait(false);
                return CommandReplies.Unwaived(command, run.Item, hadWaiver);
            case CommandKind.Explain:
                var explained = await ReevaluateAsync(run, cancellationToken).ConfigureAwait(false);
                return explained is null ? CommandReplies.Invalid(command.Text, "the pull request could not be evaluated") : CommandReplies.Explain(explained, anatomy);
            default:
                var rechecked = await ReevaluateAsync(run, cancellationToken).ConfigureAwait(false);
                return rechecked is null ? CommandReplies.Invalid(command.Text, "the pull request could not be evaluated") : CommandReplies.Rechecked(rechecked);
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

    private static async Task<ItemEvaluation?> ReevaluateAsync(Run run, CancellationToken cancellationToken)
    {
        var evaluations = await run.Reevaluate(cancellationToken).ConfigureAwait(false);
        foreach (var evaluation in evaluations)
        {
            run.Evaluations[evaluation.Item.Id] = evaluation;
        }

        return evaluations.FirstOrDefault(e => e.Item.Kind == ItemKind.PullRequest && string.Equals(e.Item.Id, run.Item, StringComparison.OrdinalIgnoreCase))
            ?? evaluations.FirstOrDefault(e => e.Item.Kind == ItemKind.PullRequest);
    }

    private Task<List<AuditEntry>> ListAsync(EnterpriseAnatomy anatomy, CancellationToken cancellationToken) =>
        RecordedWaiverReader.ReadAsync(audit!, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), anatomy.Policy.Waivers.MaxDays, cancellationToken);

    private AuditEntry Entry(Run run, AnatomyCommand command, string actor, DateTimeOffset now, int index) =>
        CommandAudit.Entry(command, run.Item, actor, now, WebUrl(run),
            string.Create(CultureInfo.InvariantCulture, $"{RecordedWaivers.CommandKeyPrefix}azure-devops:{run.Item}:{run.ThreadId}:{run.CommentId}:{index}"));

    /// <summary>The thread in the pull request's web page: <c>{organization}/{project}/_git/{repository}/pullrequest/{id}?discussionId={thread}</c>.</summary>
    private string? WebUrl(Run run) => options.Value.OrganizationUrl is { } organization
        ? string.Create(CultureInfo.InvariantCulture, $"{organization.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(run.Named.Project)}/_git/{Uri.EscapeDataString(run.Named.RepositoryId)}/pullrequest/{run.Named.PullRequestId}?discussionId={run.ThreadId}")
        : null;

    private async Task ReplyAsync(Run run, string body, CancellationToken cancellationToken) =>
        await client.CreateThreadCommentAsync(run.PullRequest, run.ThreadId, run.CommentId, body, cancellationToken).ConfigureAwait(false);

    private sealed record Run(PullRequestRef PullRequest, PullRequestRef Named, int ThreadId, int CommentId, string Item, IdentityDto? Creator, Func<CancellationToken, Task<IReadOnlyList<ItemEvaluation>>> Reevaluate)
    {
        public Dictionary<string, ItemEvaluation> Evaluations { get; } = new(StringComparer.Ordinal);
    }
}
