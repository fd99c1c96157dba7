using AnatomyBot.AzureDevOps.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
/// (<see cref="Handling.SnapshotReconciler"/>), so the existing thread is found and edited. A work item has no such
/// write before its discussion is read; <see cref="AzureDevOpsOptions.BotIdentityId"/>, set by the operator (trusted
/// configuration, which no user of the boards can change), makes the identity known from the start for work items
/// too. The first answer to a write still decides: when it names another identity than the setting, the answer wins
/// and the mismatch is logged. Without the setting, a work item whose discussion is written before any pull request in
/// that process gets a new comment and the writer keeps the oldest of the bot's own
/// (<see cref="Applying.WorkItemCommentWriter"/>). One id for the one configured credential, kept for the life of the
/// process.</summary>
public sealed partial class AzureDevOpsBotIdentity
{
    private readonly Lock _gate = new();
    private readonly ILogger<AzureDevOpsBotIdentity> _logger;
    private string? _id;
    private bool _proven;

    public AzureDevOpsBotIdentity(IOptions<AzureDevOpsOptions> options, ILogger<AzureDevOpsBotIdentity> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _id = Guid.TryParse(options.Value.BotIdentityId, out var configured) ? configured.ToString("D") : null;
    }

    /// <summary>The identity id (a GUID) of the bot's credential: the configured one until a write's answer names it, and
    /// null while neither is known.</summary>
    public string? Id => Volatile.Read(ref _id);

    /// <summary>Takes <paramref name="authorId"/> from the answer to a status, thread or comment the bot has just created;
    /// only the first such answer counts.</summary>
    public void Learn(string? authorId)
    {
        if (string.IsNullOrWhiteSpace(authorId) || Volatile.Read(ref _proven))
        {
            return;
        }

        lock (_gate)
        {
            if (_proven)
            {
                return;
            }

            if (_id is { } configured && !string.Equals(configured, authorId, StringComparison.OrdinalIgnoreCase))
            {
                Log.NotTheConfigured(_logger, configured, authorId);
            }
            else if (_id is null)
            {
                Log.Learned(_logger, authorId);
            }

            Volatile.Write(ref _id, authorId);
            Volatile.Write(ref _proven, true);
        }
    }

    /// <summary>Whether <paramref name="authorId"/> is the bot's identity (never while it is unknown).</summary>
    public bool IsSelf(string? authorId) =>
        Id is { } self && string.Equals(self, authorId, StringComparison.OrdinalIgnoreCase);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5310, Level = LogLevel.Information, Message = "The bot's Azure DevOps credential acts as identity {IdentityId} (AzureDevOps:BotIdentityId makes it known from the start)")]
        public static partial void Learned(ILogger logger, string identityId);

        [LoggerMessage(EventId = 5311, Level = LogLevel.Warning, Message = "AzureDevOps:BotIdentityId is {Configured}, but the bot's Azure DevOps credential acts as {IdentityId}; {IdentityId} is used until the process ends: correct the setting")]
        public static partial void NotTheConfigured(ILogger logger, string configured, string identityId);
    }
}
