using System.Globalization;
using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Events;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary>What an Azure DevOps delivery adds to the audit trail besides commands: an exemption tag added to or removed
/// from a work item (<c>workitem.updated</c> changing <c>System.Tags</c>; who: the update's author; keyed by the item and
/// its revision, so a redelivery records nothing), and a push that changed the anatomy file in Azure Repos: its waivers
/// when first seen and its <c>policy.mode</c> changes (<see cref="AnatomyChangeAudit"/>; the file read at the old and new
/// commit; who: the pusher, since Azure Repos names commit authors only as written in git; from: the pushed commit). Pull
/// request labels are not delivered as changes, so they are not recorded. Nothing is recorded without an audit ledger.</summary>
public sealed class AzureDevOpsAuditRecorder(
    AzureDevOpsClient client,
    ProjectAnatomies anatomies,
    IOptions<AzureDevOpsOptions> options,
    TimeProvider time,
    IAuditLedger? audit = null)
{
    /// <summary><c>workitem.updated</c>: the exemption tags the update added or removed, as the anatomy of the item's
    /// project names them.</summary>
    public async Task RecordTagsAsync(Delivery delivery, WorkItemSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(subject);
        if (audit is null || AuditFacts.Tags(delivery.Body) is not { } change || change.Added.Count + change.Removed.Count == 0)
        {
            return;
        }

        EnterpriseAnatomy anatomy;
        try
        {
            anatomy = (await anatomies.For(options.Value.ConfiguredProjectOrDefault(change.Project?.Trim())).GetAsync(null, cancellationToken).ConfigureAwait(false)).Anatomy;
        }
        catch (AnatomyUnavailableException)
        {
            return;
        }

        var item = subject.WorkItemId.ToString(CultureInfo.InvariantCulture);
        var at = time.GetUtcNow();
        var changes = change.Added.Select(t => (Tag: t, Added: true)).Concat(change.Removed.Select(t => (Tag: t, Added: false)));
        foreach (var (tag, added) in changes)
        {
            var key = $"azure-devops:{item}:{change.Revision}:{(added ? "+" : "-")}{tag}";
            if (ExemptionAudit.For(anatomy.Policy, item, tag, added, change.Actor, at, change.Url, key) is { } entry)
            {
                await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary><c>git.push</c> that changed <paramref name="path"/>: the file before and after each moved ref.</summary>
    public async Task RecordPushAsync(Delivery delivery, PushSubject push, IReadOnlyList<RefUpdate> updates, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(push);
        ArgumentNullException.ThrowIfNull(updates);
        if (audit is null)
        {
            return;
        }

        foreach (var update in updates.Where(u => !AnatomyCommit.IsZero(u.NewObjectId)))
        {
            var after = await ReadAsync(push, path, update.NewObjectId!, cancellationToken).ConfigureAwait(false);
            if (after is null)
            {
                continue;
            }

            var before = AnatomyCommit.IsZero(update.OldObjectId) ? null : await ReadAsync(push, path, update.OldObjectId!, cancellationToken).ConfigureAwait(false);
            var (pusher, url) = AuditFacts.Push(delivery.Body, update.NewObjectId);
            var where = $"azure-devops:{push.ProjectName ?? push.Project}/{push.RepositoryName ?? push.RepositoryId}";
            foreach (var entry in AnatomyChangeAudit.For(before, after, new AnatomyCommit(where, update.NewObjectId!, pusher ?? "unknown", url, time.GetUtcNow())))
            {
                await audit.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }
    }


    /// <summary>The file at <paramref name="commit"/>, parsed; null when absent or not a valid anatomy.</summary>
    private async Task<EnterpriseAnatomy?> ReadAsync(PushSubject push, string path, string commit, CancellationToken cancellationToken)
    {
        var text = await client.GetFileTextAtCommitAsync(push.Project, push.RepositoryId, path, commit, cancellationToken).ConfigureAwait(false);
        return text is not null && System.Text.Encoding.UTF8.GetByteCount(text) <= IAnatomyFileSource.MaxFileBytes && AnatomyParser.Parse(text) is { IsValid: true } parsed ? parsed.Anatomy : null;
    }
}
