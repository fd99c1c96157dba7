using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>The rule an item takes, as far as its own identity decides it: <see cref="Rule"/> when a repository or area
/// path scope matched (or no value-stream scope has a rule for its kind); otherwise <see cref="Rule"/> is the file-wide
/// rule and <see cref="ByValueStream"/> the value-stream scopes that may take over once the item's trace is known (the
/// first, in file order, whose value stream has a stage in the trace). Shared by every item with the same identity.</summary>
internal sealed class RuleChoice(PolicyRule rule, IReadOnlyList<(PolicyRule Rule, bool[] Stages)>? byValueStream = null)
{
    public PolicyRule Rule { get; } = rule;

    /// <summary>For each candidate value-stream scope, its rule and which element indices are stages of its value stream.</summary>
    public IReadOnlyList<(PolicyRule Rule, bool[] Stages)>? ByValueStream { get; } = byValueStream;

    /// <summary>The rule for an item whose effective links are <paramref name="effective"/> (sorted element indices).</summary>
    public PolicyRule For(int[] effective)
    {
        if (ByValueStream is not { } candidates)
        {
            return Rule;
        }

        for (var c = 0; c < candidates.Count; c++)
        {
            var stages = candidates[c].Stages;
            for (var e = 0; e < effective.Length; e++)
            {
                if (stages[effective[e]])
                {
                    return candidates[c].Rule;
                }
            }
        }

        return Rule;
    }

    /// <summary>Every rule the item may end with: the one before value streams are known, then each candidate's.</summary>
    public IEnumerable<PolicyRule> Possible()
    {
        yield return Rule;
        foreach (var (rule, _) in ByValueStream ?? [])
        {
            yield return rule;
        }
    }
}
