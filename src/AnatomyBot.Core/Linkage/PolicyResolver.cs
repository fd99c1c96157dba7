using System.Collections.Concurrent;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Finds the rule that applies to an item: the most specific matching scope that has a rule for the item's kind
/// (a GitHub repository, exact and case-insensitive; an Azure DevOps area path and everything under it, longest first),
/// else the policy's own rule for the kind, else the built-in default.</summary>
internal sealed class PolicyResolver(AnatomyPolicy policy)
{
    /// <summary>The match length of a scope that does not apply to the item.</summary>
    private const int NoMatch = -1;

    private readonly ConcurrentDictionary<(ItemSource, string, ItemKind), PolicyRule> _cache = new();

    public PolicyRule Resolve(WorkItemDraft item)
    {
        var scope = item.Scope ?? "";
        return _cache.GetOrAdd((item.Source, scope, item.Kind), static (key, resolver) => resolver.Find(key.Item1, key.Item2, key.Item3), this);
    }

    private PolicyRule Find(ItemSource source, string scope, ItemKind kind)
    {
        PolicyRule? best = null;
        var bestLength = NoMatch;
        foreach (var candidate in policy.Scopes)
        {
            var length = MatchLength(candidate, source, scope);
            if (length > bestLength && candidate.Rules.TryGetValue(kind, out var rule))
            {
                best = rule;
                bestLength = length;
            }
        }

        return best
            ?? policy.Rules.GetValueOrDefault(kind)
            ?? AnatomyPolicy.Defaults.GetValueOrDefault(kind)
            ?? new PolicyRule([], GapSeverity.Info);
    }

    private static int MatchLength(PolicyScope candidate, ItemSource source, string scope)
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
}
