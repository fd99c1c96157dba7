namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>The identity the bot's Azure DevOps credential acts as, so that it acts only on the threads it wrote itself. The
/// published REST specifications the bot is held to (Git and work item tracking) describe no call that names the caller
/// (<c>_apis/connectionData</c> is not among them), so the identity is taken from the nearest documented answer: the author
/// of the first comment of a thread the bot has just created (<c>POST …/pullRequests/{id}/threads</c>). Until then no
/// existing thread counts as the bot's: the first thread it writes on a pull request after a start is a new one, and
/// <see cref="Applying.PullRequestWriter"/> then keeps the oldest of its own. One id for the one configured credential,
/// kept for the life of the process.</summary>
public sealed class AzureDevOpsBotIdentity
{
    private string? _id;

    /// <summary>The identity id (a GUID) of the bot's credential; null until the bot has created a thread.</summary>
    public string? Id => Volatile.Read(ref _id);

    /// <summary>Takes <paramref name="authorId"/> from a comment the bot has just created.</summary>
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
