using System.Globalization;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Commands;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>The bot's sticky comment in a work item's discussion. A comment is the bot's only when it is not deleted,
/// carries <see cref="Markers.Comment"/> and was written by the bot's identity (<see cref="AzureDevOpsBotIdentity"/>);
/// one anybody else wrote is never the bot's, whatever it says. The discussion is read oldest first in pages of
/// <see cref="AzureDevOpsClient.CommentPageSize"/>, following the answer's <c>continuationToken</c>, at most
/// <see cref="MaxPages"/> pages.</summary>
public static class WorkItemComments
{
    /// <summary>Pages read at most: 1,000 comments.</summary>
    public const int MaxPages = 5;

    /// <summary>The bot's comment on <paramref name="workItemId"/> (its oldest own one; id: the comment id), and whether
    /// the lookup is conclusive. Inconclusive: no own comment in the first <see cref="MaxPages"/> pages though more
    /// exist, so one may sit further on and none may be created. While the bot's identity is unknown (after a start,
    /// before it has written a status, thread or comment) nothing is read: no comment can count as its own yet.</summary>
    public static async Task<(ExistingComment? Comment, bool Conclusive)> FindAsync(
        AzureDevOpsClient client, AzureDevOpsBotIdentity identity, int workItemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.Id is null)
        {
            return (null, true);
        }

        var (mine, complete) = await ListOwnAsync(client, identity, workItemId, firstOnly: true, cancellationToken).ConfigureAwait(false);
        return mine is [var first, ..]
            ? (new ExistingComment(first.Id.ToString(CultureInfo.InvariantCulture), first.Text ?? ""), true)
            : (null, complete);
    }

    /// <summary>The bot's comments on the work item, oldest first (all of them, or only the first found), and whether
    /// the whole discussion was read.</summary>
    public static async Task<(IReadOnlyList<WorkItemCommentDto> Mine, bool Complete)> ListOwnAsync(
        AzureDevOpsClient client, AzureDevOpsBotIdentity identity, int workItemId, bool firstOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(identity);
        var mine = new List<WorkItemCommentDto>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var list = await client.GetWorkItemCommentsAsync(workItemId, token, cancellationToken).ConfigureAwait(false);
            mine.AddRange((list?.Comments ?? []).Where(c => IsOwn(c, identity)));
            token = list?.ContinuationToken;
            if (string.IsNullOrEmpty(token) || (firstOnly && mine.Count > 0))
            {
                return ([.. mine.OrderBy(c => c.Id)], string.IsNullOrEmpty(token));
            }
        }

        return ([.. mine.OrderBy(c => c.Id)], false);
    }

    /// <summary>Whether a comment is the bot's sticky comment: not deleted, with the marker, by the bot's identity, and
    /// not one of its replies to a command (which start with <see cref="CommandReplies.Marker"/> and may quote a
    /// command's text, marker and all).</summary>
    public static bool IsOwn(WorkItemCommentDto comment, AzureDevOpsBotIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(identity);
        return !comment.IsDeleted && Markers.IsBotComment(comment.Text) && !CommandReplies.IsReply(comment.Text) && identity.IsSelf(comment.CreatedBy?.Id);
    }
}
