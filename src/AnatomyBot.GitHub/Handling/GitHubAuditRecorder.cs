using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Seams;
using AnatomyBot.GitHub.Snapshot;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Handling;

/// <summary>What a GitHub delivery adds to the audit trail besides commands: an exemption label added or removed
/// (<c>issues</c> and <c>pull_request</c>, <c>labeled</c>/<c>unlabeled</c>; who: the payload's sender; keyed by the
/// delivery id, so a redelivery records nothing), and a push to the anatomy file: its waivers when first seen and its
/// <c>policy.mode</c> changes (<see cref="AnatomyChangeAudit"/>; the file read at the push's old and new commit; who: the
/// author of the last pushed commit that touched the file, else the pusher; from: that commit). Nothing is recorded
/// without an audit ledger.</summary>
public sealed class GitHubAuditRecorder(
    AnatomySource anatomySource,
    AnatomyTextParser parser,
    IOptions<GitHubOptions> options,
    TimeProvider time,
    IAuditLedger? audit = null)
{
    /// <summary>Records what <paramref name="facts"/> of <paramref name="delivery"/> carry for <paramref name="subject"/>.</summary>
    public async Task RecordAsync(IGitHubClient client, Delivery delivery, WebhookFacts facts, Subject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(facts);
        if (audit is null)
        {
            return;
        }

        var entries = subject switch
        {
            AnatomyChangedSubject changed when facts.EventName == GitHubEvents.Push => await PushEntriesAsync(client, facts, changed.Repository).ConfigureAwait(false),
            IssueSubject or PullRequestSubject when facts.Label is { } label && facts.Action is "labeled" or "unlabeled"
                && facts.EventName is GitHubEvents.Issues or GitHubEvents.PullRequest => await ExemptionEntriesAsync(client, delivery, facts, subject, label).ConfigureAwait(false),
            _ => [],
        };
        foreach (var entry in entries)
        {
            await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> ExemptionEntriesAsync(IGitHubClient client, Delivery delivery, WebhookFacts facts, Subject subject, string label)
    {
        var item = subject is IssueSubject i ? i.Issue : ((PullRequestSubject)subject).PullRequest;
        var anatomy = (await anatomySource.LoadAsync(client, item.Repository).ConfigureAwait(false)).Anatomy;
        return anatomy is not null
            && ExemptionAudit.For(anatomy.Policy, item.ToString(), label, facts.Action == "labeled", facts.Sender, time.GetUtcNow(), facts.ItemUrl, $"github:{delivery.Id}") is { } entry
            ? [entry]
            : [];
    }

    private async Task<IReadOnlyList<AuditEntry>> PushEntriesAsync(IGitHubClient client, WebhookFacts facts, RepositoryId repository)
    {
        var path = options.Value.AnatomyPath;
        if (facts.After is not { } after || AnatomyCommit.IsZero(after) || await ReadAsync(client, repository, path, after).ConfigureAwait(false) is not { } now)
        {
            return [];
        }

        var before = facts.Before is { } old && !AnatomyCommit.IsZero(old) ? await ReadAsync(client, repository, path, old).ConfigureAwait(false) : null;
        var commit = facts.Commits.LastOrDefault(c => c.Paths.Any(p => string.Equals(p, path, StringComparison.OrdinalIgnoreCase)))
            ?? facts.Commits.LastOrDefault(c => c.Id == after);
        var actor = commit?.Author ?? facts.Pusher ?? facts.Sender ?? "unknown";
        return AnatomyChangeAudit.For(before, now, new AnatomyCommit($"github:{repository}", commit?.Id ?? after, actor, commit?.Url, time.GetUtcNow()));
    }

    /// <summary>The file at <paramref name="reference"/>, parsed; null when it is not there or not a valid anatomy (a
    /// broken file records nothing; lint and the check say what is wrong).</summary>
    private async Task<EnterpriseAnatomy?> ReadAsync(IGitHubClient client, RepositoryId repository, string path, string reference)
    {
        try
        {
            var contents = await client.Repository.Content.GetAllContentsByRef(repository.Owner, repository.Name, path, reference).ConfigureAwait(false);
            var file = contents.FirstOrDefault(c => c.Type.Value == ContentType.File);
            return file?.Content is { } text && parser(text) is { IsValid: true } parsed ? parsed.Anatomy : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
