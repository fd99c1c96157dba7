using System.Collections.Concurrent;
using System.Globalization;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Snapshot;
using Octokit;
using CoreConclusion = AnatomyBot.Core.Reconcile.CheckConclusion;
using OctokitConclusion = Octokit.CheckConclusion;

namespace AnatomyBot.GitHub.Reconcile;

/// <summary>Applies a plan through the REST API: creates owned labels it needs (colour + description) once per repository,
/// adds and removes only owned labels, creates or updates the one sticky comment (re-reading first, so a comment another
/// worker just wrote is updated rather than duplicated; after creating, a duplicate another process created at the same
/// moment is removed), and creates or updates the <c>anatomy</c> check run on the head, or, where the merge gate is the
/// commit status (<see cref="GitHubConnections.UsesCommitStatus"/>), sets the <c>anatomy</c> commit status.</summary>
public sealed class GitHubApplier(GitHubConnections connections, GitHubBotIdentity identity) : IReconcileApplier
{
    private readonly ConcurrentDictionary<string, byte> _knownLabels = new(StringComparer.OrdinalIgnoreCase);

    public ItemSource Source => ItemSource.GitHub;

    public async Task ApplyAsync(ReconcileTarget target, ReconcilePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsEmpty)
        {
            return;
        }

        var id = IssueId.TryParse(target.ItemId) ?? throw new ArgumentException($"'{target.ItemId}' is not owner/repo#number.", nameof(target));
        var client = await connections.ForAsync(id.Repository).ConfigureAwait(false);
        await ApplyLabelsAsync(client, id, plan).ConfigureAwait(false);
        if (plan.Comment is { Kind: not CommentChangeKind.None, Body: not null })
        {
            await ApplyCommentAsync(client, id, plan.Comment, await identity.GetAsync(client).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (plan.Check is { } check && target.Head is { } head)
        {
            var self = await identity.GetAsync(client).ConfigureAwait(false);
            if (connections.UsesCommitStatus(id.Repository))
            {
                await ApplyStatusAsync(client, id, head, check, self).ConfigureAwait(false);
                return;
            }

            try
            {
                await ApplyCheckAsync(client, id.Repository, head, check, self).ConfigureAwait(false);
            }
            catch (ForbiddenException)
            {
                // The credential cannot create check runs (a token, not an App): the commit status gates the merge instead.
                connections.RefusedCheckRuns(id.Repository);
                await ApplyStatusAsync(client, id, head, check, self).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The commit status <c>anatomy</c> on the head: <c>failure</c> while a <c>block</c> gap stands,
    /// <c>success</c> otherwise, the check's title as its description (under 140 characters) and a link to the bot's
    /// comment. Written only when the bot's newest <c>anatomy</c> status says something else.</summary>
    private static async Task ApplyStatusAsync(IGitHubClient client, IssueId id, string head, CheckState check, GitHubBotIdentity.Self self)
    {
        var (owner, name) = (id.Repository.Owner, id.Repository.Name);
        var state = check.Conclusion == CoreConclusion.Failure ? CommitState.Failure : CommitState.Success;
        var description = GitHubLimits.Line(check.Title, GitHubLimits.StatusDescription);
        var statuses = await client.Repository.Status.GetAll(owner, name, head).ConfigureAwait(false);
        var latest = statuses.FirstOrDefault(s => s.Context == CheckRunNames.Anatomy && self.Is(s.Creator?.Login));
        if (latest is not null && latest.State == state && latest.Description == description)
        {
            return;
        }

        var comment = CurrentStateReader.BotComments(await CurrentStateReader.ListCommentsAsync(client, id).ConfigureAwait(false), self).FirstOrDefault();
        await client.Repository.Status.Create(owner, name, head, new NewCommitStatus
        {
            State = state,
            Description = description,
            Context = CheckRunNames.Anatomy,
            TargetUrl = comment?.HtmlUrl,
        }).ConfigureAwait(false);
    }

    private async Task ApplyLabelsAsync(IGitHubClient client, IssueId id, ReconcilePlan plan)
    {
        var (owner, name) = (id.Repository.Owner, id.Repository.Name);
        var add = plan.LabelsToAdd.Where(l => l.Length <= GitHubLimits.LabelName).ToArray();
        foreach (var label in add)
        {
            await EnsureLabelAsync(client, id.Repository, label).ConfigureAwait(false);
        }

        // Through the API connection rather than Issue.Labels: GitHub's description takes {"labels": [...]} (AddToIssue
        // sends a bare array) and a DELETE without a body (RemoveFromIssue sends one).
        var api = new ApiConnection(client.Connection);
        if (add.Length > 0)
        {
            await api.Post<IReadOnlyList<Label>>(ApiUrls.IssueLabels(owner, name, id.Number), LabelsBody(add)).ConfigureAwait(false);
        }

        foreach (var label in plan.LabelsToRemove)
        {
            try
            {
                await client.Connection.Delete(ApiUrls.IssueLabel(owner, name, id.Number, label)).ConfigureAwait(false);
            }
            catch (NotFoundException)
            {
                // Someone removed it meanwhile: the desired state holds already.
            }
        }
    }

    /// <summary><c>{"labels": [...]}</c> for Octokit's serializer as a dictionary, which it writes without reflecting over
    /// a type of ours (an anonymous type's properties are trimmed away in the native build, leaving <c>{}</c>).</summary>
    internal static Dictionary<string, object> LabelsBody(string[] labels) => new(StringComparer.Ordinal) { ["labels"] = labels };

    private async Task EnsureLabelAsync(IGitHubClient client, RepositoryId repository, string label)
    {
        var key = $"{repository}|{label}";
        if (_knownLabels.ContainsKey(key))
        {
            return;
        }

        var look = LabelAppearance.For(label);
        try
        {
            await client.Issue.Labels.Create(repository.Owner, repository.Name, new NewLabel(look.Name, look.Color) { Description = look.Description }).ConfigureAwait(false);
        }
        catch (ApiValidationException)
        {
            // 422 already_exists: the repository has it (perhaps recoloured by people, which we respect).
        }

        _knownLabels[key] = 0;
    }

    private static async Task ApplyCommentAsync(IGitHubClient client, IssueId id, CommentChange change, GitHubBotIdentity.Self self)
    {
        if (change.Kind == CommentChangeKind.None || change.Body is null)
        {
            return;
        }

        var body = GitHubLimits.Fit(change.Body, GitHubLimits.CommentBody);
        var existing = change.Kind == CommentChangeKind.Update && change.ExistingId is not null
            ? new ExistingComment(change.ExistingId, "")
            : await CurrentStateReader.FindCommentAsync(client, id, self).ConfigureAwait(false);
        if (existing is null)
        {
            var created = await client.Issue.Comment.Create(id.Repository.Owner, id.Repository.Name, id.Number, body).ConfigureAwait(false);
            await KeepOneCommentAsync(client, id, created, body, self).ConfigureAwait(false);
        }
        else if (existing.Body != body)
        {
            var commentId = long.Parse(existing.Id, CultureInfo.InvariantCulture);
            await client.Issue.Comment.Update(id.Repository.Owner, id.Repository.Name, commentId, body).ConfigureAwait(false);
        }
    }

    /// <summary>The write lock is per process, so another instance (Functions scale out) may have created its comment at
    /// the same moment: after creating one, the bot's comments are listed again and only the oldest is kept, with this
    /// body; the others (by the bot's login, with the marker) are deleted. Two racing instances both converge on it.</summary>
    private static async Task KeepOneCommentAsync(IGitHubClient client, IssueId id, IssueComment created, string body, GitHubBotIdentity.Self self)
    {
        var (owner, name) = (id.Repository.Owner, id.Repository.Name);
        var comments = await CurrentStateReader.ListCommentsAsync(client, id).ConfigureAwait(false);
        var mine = CurrentStateReader.BotComments(comments, self).ToList();
        if (mine.Count <= 1)
        {
            return;
        }

        foreach (var extra in mine.Skip(1))
        {
            try
            {
                await client.Issue.Comment.Delete(owner, name, extra.Id).ConfigureAwait(false);
            }
            catch (NotFoundException)
            {
                // The other instance removed it first.
            }
        }

        if (mine[0].Id != created.Id && mine[0].Body != body)
        {
            await client.Issue.Comment.Update(owner, name, mine[0].Id, body).ConfigureAwait(false);
        }
    }

    private async Task ApplyCheckAsync(IGitHubClient client, RepositoryId repository, string head, CheckState check, GitHubBotIdentity.Self self)
    {
        var output = new NewCheckRunOutput(GitHubLimits.Fit(check.Title, GitHubLimits.CheckTitle), GitHubLimits.Fit(check.Summary, GitHubLimits.CheckSummary));
        var existing = await CurrentStateReader.FindCheckRunAsync(client, repository, head, self).ConfigureAwait(false);
        if (existing is { } run)
        {
            if (run.State == check)
            {
                return;
            }

            await client.Check.Run.Update(repository.Owner, repository.Name, run.Id, new CheckRunUpdate
            {
                Status = CheckStatus.Completed,
                Conclusion = ToOctokit(check.Conclusion),
                Output = output,
            }).ConfigureAwait(false);
            return;
        }

        var created = await client.Check.Run.Create(repository.Owner, repository.Name, new NewCheckRun(CheckRunNames.Anatomy, head)
        {
            Status = CheckStatus.Completed,
            Conclusion = ToOctokit(check.Conclusion),
            Output = output,
        }).ConfigureAwait(false);
        if (created.App is { } app)
        {
            identity.CreatedCheckRunOf(app.Id);
        }
    }

    private static OctokitConclusion ToOctokit(CoreConclusion conclusion) => conclusion switch
    {
        CoreConclusion.Success => OctokitConclusion.Success,
        CoreConclusion.Neutral => OctokitConclusion.Neutral,
        CoreConclusion.Failure => OctokitConclusion.Failure,
        _ => OctokitConclusion.Skipped,
    };
}
