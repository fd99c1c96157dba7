using System.Collections.Concurrent;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Finds the rule that applies to an item, most specific first: the matching repository (GitHub, exact and
/// case-insensitive) or area path (Azure DevOps, the path and everything under it, longest first) scope that has a rule
/// for the item's kind; else the first value-stream scope with a rule for the kind whose value stream has a stage in the
/// item's trace (known only once the whole batch is read, so such scopes come as a <see cref="RuleChoice"/>); else the
/// policy's own rule for the kind; else the built-in default.</summary>
internal sealed class PolicyResolver
{
    /// <summary>The match length of a scope that does not apply to the item.</summary>
    private const int NoMatch = -1;

    private readonly AnatomyPolicy _policy;
    private readonly IReadOnlyList<(PolicyScope Scope, bool[] Stages)> _valueStreams;
    private readonly ConcurrentDictionary<(ItemSource, string, ItemKind), RuleChoice> _cache = new();

    public PolicyResolver(AnatomyPolicy policy, AnatomyIndex index)
    {
        _policy = policy;
        _valueStreams =
        [
            .. policy.Scopes.Where(s => s.ValueStream is not null).Select(s => (s, StagesOf(s.ValueStream!, index))),
        ];
    }

    public RuleChoice Resolve(WorkItemDraft item)
    {
        var scope = item.Scope ?? "";
        return _cache.GetOrAdd((item.Source, scope, item.Kind), static (key, resolver) => resolver.Find(key.Item1, key.Item2, key.Item3), this);
    }

    private RuleChoice Find(ItemSource source, string scope, ItemKind kind)
    {
        PolicyRule? best = null;
        var bestLength = NoMatch;
        foreach (var candidate in _policy.Scopes)
        {
            var length = MatchLength(candidate, source, scope);
            if (length > bestLength && candidate.Rules.TryGetValue(kind, out var rule))
            {
                best = rule;
                bestLength = length;
            }
        }

        if (best is not null)
        {
            return new RuleChoice(best);
        }

        var fileWide = _policy.Rules.GetValueOrDefault(kind)
            ?? AnatomyPolicy.Defaults.GetValueOrDefault(kind)
            ?? new PolicyRule([], GapSeverity.Info);
        var byValueStream = _valueStreams
            .Where(v => v.Scope.Rules.ContainsKey(kind))
            .Select(v => (v.Scope.Rules[kind], v.Stages))
            .ToList();
        return new RuleChoice(fileWide, byValueStream.Count == 0 ? null : byValueStream);
    }

    internal static int MatchLength(PolicyScope candidate, ItemSource source, string scope)
    {
        if (source == ItemSource.GitHub && candidate.Repository is { } repository)
        {
            return string.Equals(repository.Trim('/'), scope, StringComparison.OrdinalIgnoreCase) ? repository.Length : NoMatch;
        }

        if (source == ItemSource.AzureDevOps && candidate.AreaPath is { } areaPath)
        {
            var prefix = areaPath.TrimEnd('\\', '/');
            var under = scope.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (scope.Length == prefix.Length || scope[prefix.Length] is '\\' or '/');
            return under ? prefix.Length : NoMatch;
        }

        return NoMatch;
    }

    /// <summary>Which element indices are stages of the value stream <paramref name="valueStreamId"/>.</summary>
    private static bool[] StagesOf(string valueStreamId, AnatomyIndex index)
    {
        var stages = new bool[index.Elements.Length];
        for (var i = 0; i < stages.Length; i++)
        {
            stages[i] = index.Elements[i] is Stage stage && string.Equals(stage.ValueStreamId, valueStreamId, StringComparison.OrdinalIgnoreCase);
        }

        return stages;
    }
}
