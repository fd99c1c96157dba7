namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>The identity the bot's Azure DevOps credential acts as, so that it acts only on the threads, comments and
/// statuses it wrote itself. The published REST specifications the bot is held to (Git, work item tracking, service
/// hooks) describe no call that names the caller (<c>_apis/connectionData</c> is not among them), so the identity is
/// taken from the answer to one of the bot's own writes, which nobody else can forge: the <c>createdBy</c> of the
/// <c>anatomybot/linkage</c> status it has just posted (<c>POST …/pullRequests/{id}/iterations/{n}/statuses</c>), or the
/// author of the thread or work-item comment it has just created. Statuses read back from a list are never a source:
/// anyone with contribute rights can post one under the same name. Other answers were weighed and rejected: the
/// service-hook subscription's <c>createdBy</c> and <c>subscriber</c> name whoever set the hook up, not the credential the
/// bot calls with; <c>_apis/work/accountmyworkrecentactivity</c> names the caller only when it has touched work items
/// lately. After a start the first pull request reconciled posts its status before its thread is looked for
/// (<see cref="Handling.SnapshotReconciler"/>), so the existing thread is found and edited; a work item whose discussion
/// is written before any pull request in that process still gets a new comment, and the writer keeps the oldest of the
/// bot's own (<see cref="Applying.WorkItemCommentWriter"/>). One id for the one configured credential, kept for the life
/// of the process.</summary>
public sealed class AzureDevOpsBotIdentity
{
    private string? _id;

    /// <summary>The identity id (a GUID) of the bot's credential; null until the bot has written a status, thread or comment.</summary>
    public string? Id => Volatile.Read(ref _id);

    /// <summary>Takes <paramref name="authorId"/> from the answer to a status, thread or comment the bot has just created.</summary>
    public void Learn(string? authorId)
    {
        if (!string.IsNullOrWhiteSpace(authorId))
        {
            Interlocked.CompareExchange(ref _id, authorId, null);
        }
    }

    /// <summary>Whether <paramref name="authorId"/> is the bot's identity (never while it is unknown).</summary>
    public bool IsSelf(string? authorId) =>
        Id is { } self && string.Equals(self, authorId, StringComparison.OrdinalIgnoreCase);
}
