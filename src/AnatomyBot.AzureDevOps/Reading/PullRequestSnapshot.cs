using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>A pull request as it is now: the Core item (with linked work items and changed files), the latest iteration
/// (statuses attach to it), and its threads and the statuses on that iteration as read. Which of them are the bot's is
/// asked when the pull request is reconciled (<see cref="BotThread"/>, <see cref="CurrentCheck"/>), since after a start the
/// bot learns its identity only from its first write (<see cref="AzureDevOpsBotIdentity"/>).</summary>
public sealed record PullRequestSnapshot(
    PullRequestRef Ref,
    WorkItem Item,
    int? IterationId,
    IReadOnlyList<ThreadDto> Threads,
    IReadOnlyList<StatusDto> Statuses)
{
    /// <summary>The bot's thread (<see cref="AzureDevOpsSnapshotReader.FindBotThread"/>); none while the identity is unknown.</summary>
    public ExistingComment? BotThread(AzureDevOpsBotIdentity identity) => AzureDevOpsSnapshotReader.FindBotThread(Threads, identity);

    /// <summary>The check as the iteration shows it, for the planner (<see cref="StatusMapping.AsCurrent"/>): what the bot's
    /// own newest <c>anatomybot/linkage</c> status says, or null when it has none or its identity is unknown, since anyone
    /// with contribute rights can post a status under that name. A branch policy reads the newest status of the name, or,
    /// limited to an authorised identity, the bot's own newest: the check counts as shown only when both show
    /// <paramref name="desired"/>, so a newer status by someone else that says otherwise is answered with the bot's again.</summary>
    public CheckState? CurrentCheck(AzureDevOpsBotIdentity identity, CheckState? desired)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var named = Statuses.Where(StatusMapping.IsBotStatus).ToList();
        if (named.Where(s => identity.IsSelf(s.CreatedBy?.Id)).MaxBy(s => s.Id) is not { } own)
        {
            return null;
        }

        var newest = named.MaxBy(s => s.Id);
        return desired is not null && StatusMapping.Shows(own, desired) && !StatusMapping.Shows(newest, desired)
            ? StatusMapping.AsCurrent(newest, desired)
            : StatusMapping.AsCurrent(own, desired);
    }
}
