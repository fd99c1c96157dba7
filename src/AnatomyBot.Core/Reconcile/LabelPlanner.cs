namespace AnatomyBot.Core.Reconcile;

/// <summary>The label part of a plan. Only owned labels move; every other label stays exactly as written, in its place,
/// because Azure DevOps replaces the whole <c>System.Tags</c> list and a person's tag must never be lost.</summary>
internal static class LabelPlanner
{
    public static LabelChanges Plan(IReadOnlySet<string> desiredOwned, IReadOnlyList<string> current)
    {
        var desired = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var label in desiredOwned)
        {
            desired.Add(OwnedLabels.Canonical(label));
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        var remove = new List<string>();
        var after = new List<string>();
        foreach (var label in current)
        {
            if (!OwnedLabels.TryGetCode(label, out _))
            {
                after.Add(label);
                continue;
            }

            var canonical = OwnedLabels.Canonical(label);
            if (desired.Contains(canonical))
            {
                present.Add(canonical);
                after.Add(label);
            }
            else
            {
                remove.Add(label);
            }
        }

        var add = desired.Where(d => !present.Contains(d)).ToList();
        after.AddRange(add);
        return new LabelChanges(add, remove, after);
    }

    internal sealed record LabelChanges(IReadOnlyList<string> Add, IReadOnlyList<string> Remove, IReadOnlyList<string> After);
}
