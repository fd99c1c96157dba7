using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>Which <see cref="PolicyMode"/> applies to an evaluated item, most specific first: the matching repository or
/// area path scope with a <c>mode</c> (the longest match); else the first value-stream scope with a <c>mode</c> whose
/// value stream has a stage in the item's trace; else the file-wide <c>policy.mode</c>.</summary>
public static class ModeResolver
{
    public static PolicyMode For(ItemEvaluation evaluation, EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(anatomy);
        var policy = anatomy.Policy;
        PolicyMode? best = null;
        var bestLength = -1;
        var scope = evaluation.Item.Scope ?? "";
        foreach (var candidate in policy.Scopes.Where(s => s.Mode is not null))
        {
            var length = PolicyResolver.MatchLength(candidate, evaluation.Item.Source, scope);
            if (length > bestLength)
            {
                (best, bestLength) = (candidate.Mode, length);
            }
        }

        if (best is { } mode)
        {
            return mode;
        }

        var streams = evaluation.Trace.Stages
            .Select(id => anatomy.TryGet<Stage>(id, out var stage) ? stage.ValueStreamId : null)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byStream = policy.Scopes.FirstOrDefault(s => s.Mode is not null && s.ValueStream is { } id && streams.Contains(id));
        return byStream?.Mode ?? policy.Mode;
    }
}
