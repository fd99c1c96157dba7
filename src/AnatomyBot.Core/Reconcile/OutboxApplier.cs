using System.Text;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The <c>--dry-run</c> applier: instead of calling a platform, writes the plan as artifacts through a sink —
/// <c>&lt;platform&gt;/&lt;item&gt;.plan.json</c> always, <c>.comment.md</c> when the comment changes, <c>.check.md</c>
/// when the check changes.</summary>
public sealed class OutboxApplier(IOutboxSink sink, ItemSource source) : IReconcileApplier
{
    public ItemSource Source => source;

    public async Task ApplyAsync(ReconcileTarget target, ReconcilePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(plan);
        if (target.Source != source)
        {
            throw new ArgumentException($"This outbox applies {source} plans, not {target.Source}.", nameof(target));
        }

        var stem = ArtifactStem(target);
        var commentName = plan.Comment.Kind == CommentChangeKind.None ? null : stem + ".comment.md";
        var checkName = plan.Check is null ? null : stem + ".check.md";
        if (commentName is not null)
        {
            await sink.WriteAsync(commentName, plan.Comment.Body ?? "", cancellationToken).ConfigureAwait(false);
        }

        if (checkName is not null)
        {
            await sink.WriteAsync(checkName, plan.Check!.Summary, cancellationToken).ConfigureAwait(false);
        }

        var json = PlanJson.Write(target, plan, commentName, checkName);
        await sink.WriteAsync(stem + ".plan.json", json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>github/acme-shop-45</c>: the platform code, then the item id with anything but letters, digits,
    /// <c>.</c>, <c>_</c> and <c>-</c> turned into <c>-</c>.</summary>
    public static string ArtifactStem(ReconcileTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var id = new StringBuilder(target.ItemId.Length);
        foreach (var c in target.ItemId)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        return PlanJson.SourceCode(target.Source) + "/" + id.ToString().Trim('.');
    }
}
