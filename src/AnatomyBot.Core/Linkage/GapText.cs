using System.Collections.Concurrent;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>The message and one-line fix of each gap, in words a delivery team understands. Texts repeat across a
/// backlog, so they are built once and shared: kept by code, kind and platform in slots looked up without hashing
/// (every gap of a large backlog asks for both), and a fix that names an element also by its id.</summary>
internal sealed class GapText(AnatomyPolicy policy)
{
    /// <summary>How many codes have texts kept (<see cref="SlotOf"/>).</summary>
    private const int Codes = 5;

    private const int Kinds = (int)ItemKind.PullRequest + 1;
    private const int Sources = (int)ItemSource.GitHub + 1;

    /// <summary>Per code, kind and platform: the message, once built (a race builds the same text twice, harmlessly).</summary>
    private readonly string?[] _messages = new string?[Codes * Kinds * Sources];

    /// <summary>Per code, platform and whether the suggestions are undecided: the fix that names no element.</summary>
    private readonly string?[] _fixes = new string?[Codes * Sources * 2];

    /// <summary>Per code, platform and whether undecided: the fixes that name an element, by its id.</summary>
    private readonly ConcurrentDictionary<string, string>?[] _namedFixes = new ConcurrentDictionary<string, string>?[Codes * Sources * 2];

    /// <summary>The slot of <paramref name="code"/> among <see cref="Codes"/>, or -1.</summary>
    private static int SlotOf(string code) => code switch
    {
        GapCodes.NoOutcome => 0,
        GapCodes.NoStage => 1,
        GapCodes.NoLogic => 2,
        GapCodes.NoComponent => 3,
        GapCodes.NoWorkItem => 4,
        _ => -1,
    };

    public static string CodeFor(Layer layer) => layer switch
    {
        Layer.Outcome => GapCodes.NoOutcome,
        Layer.Stage => GapCodes.NoStage,
        Layer.Logic => GapCodes.NoLogic,
        _ => GapCodes.NoComponent,
    };

    public static string Noun(ItemKind kind) => kind switch
    {
        ItemKind.Epic => "epic",
        ItemKind.Feature => "feature",
        ItemKind.Story => "story",
        ItemKind.PullRequest => "pull request",
        _ => "work item",
    };

    public static string Keyword(Layer layer) => layer switch
    {
        Layer.Outcome => "Outcome",
        Layer.Stage => "Stage",
        Layer.Logic => "Logic",
        _ => "Component",
    };

    public string Message(string code, ItemKind kind, ItemSource source)
    {
        var c = SlotOf(code);
        if (c < 0 || (uint)kind >= Kinds || (uint)source >= Sources)
        {
            return BuildMessage(code, kind);
        }

        ref var slot = ref _messages[(((c * Kinds) + (int)kind) * Sources) + (int)source];
        return slot ??= BuildMessage(code, kind);
    }

    /// <summary>The one-line fix; <paramref name="suggestedId"/> is named when it clearly leads, and
    /// <paramref name="undecided"/> says there are suggestions of which none leads.</summary>
    public string Fix(string code, Layer layer, ItemSource source, string? suggestedId, bool undecided)
    {
        var c = SlotOf(code);
        if (c < 0 || (uint)source >= Sources)
        {
            return BuildFix(code, layer, source, suggestedId, undecided);
        }

        if (suggestedId is null)
        {
            ref var slot = ref _fixes[(((c * Sources) + (int)source) * 2) + (undecided ? 1 : 0)];
            return slot ??= BuildFix(code, layer, source, null, undecided);
        }

        ref var named = ref _namedFixes[(((c * Sources) + (int)source) * 2) + (undecided ? 1 : 0)];
        var fixes = named ?? Interlocked.CompareExchange(ref named, new ConcurrentDictionary<string, string>(StringComparer.Ordinal), null) ?? named;
        return fixes.TryGetValue(suggestedId, out var fix) ? fix
            : fixes.GetOrAdd(suggestedId, BuildFix(code, layer, source, suggestedId, undecided));
    }

    public static string UnknownMessage(string id, Layer layer) =>
        $"`{id}` is not {Article(layer)} {layer.ToNoun()} in the anatomy, so this link counts for nothing.";

    /// <summary>What to do about an unknown id: replace it with the suggestion that clearly leads, else correct it.</summary>
    public static string UnknownFix(string id, Layer layer, string? suggestedId) => suggestedId is null
        ? $"Correct `{id}` to {Article(layer)} {layer.ToNoun()} id from anatomy.yml, or ask the architects to add it."
        : $"Replace `{id}` with `{suggestedId}` (or another {layer.ToNoun()} id from anatomy.yml).";

    private static string Article(Layer layer) => layer == Layer.Outcome ? "an" : "a";

    private static string BuildMessage(string code, ItemKind kind)
    {
        var noun = Noun(kind);
        return code switch
        {
            GapCodes.NoOutcome => $"This {noun} does not trace to a strategic outcome (P1), neither directly nor through its parent, stage, logic or components, so nobody can tell what it improves.",
            GapCodes.NoStage => $"This {noun} is not placed on a value-stream stage (P2), neither directly nor through its parent, logic or components.",
            GapCodes.NoLogic => $"This {noun} names no system logic (P3), neither directly nor through its components.",
            GapCodes.NoComponent when kind == ItemKind.PullRequest => "This pull request touches no component specification (P4): no `Component:` line, no linked work item naming one, and no changed file under a component's paths.",
            GapCodes.NoComponent => $"This {noun} names no component specification (P4), so its change cannot be traced to the system.",
            GapCodes.NoWorkItem => "This pull request links no work item, so its change cannot be traced to a stage or an outcome.",
            _ => $"This {noun} has a linkage gap ({code}).",
        };
    }

    /// <summary>Said instead of naming a suggestion when none clearly leads.</summary>
    public const string NoClearLead = "no suggestion clearly leads, so pick the right one";

    private string BuildFix(string code, Layer layer, ItemSource source, string? id, bool undecided)
    {
        if (code == GapCodes.NoWorkItem)
        {
            return source == ItemSource.GitHub
                ? "Add `Fixes #<issue>` (or `AB#<id>` for an Azure Boards item) to the pull request description."
                : "Link a work item to the pull request, or add `#<id>` to its description.";
        }

        var value = id ?? $"<{layer.ToNoun()} id>";
        var choose = undecided ? $" ({NoClearLead} from the suggestions)" : "";
        if (source == ItemSource.AzureDevOps && FieldFor(policy, layer) is { } field)
        {
            return $"Set the field `{field}` to `{value}` (or add `{Keyword(layer)}: {value}` to the description){choose}.";
        }

        var tag = source == ItemSource.GitHub ? "label" : "tag";
        return $"Add `{Keyword(layer)}: {value}` to the description (or the {tag} `{layer.ToNoun()}:{value}`){choose}.";
    }

    /// <summary>The policy field an Azure DevOps item sets for <paramref name="layer"/> (the first by name), or null.</summary>
    public static string? FieldFor(AnatomyPolicy policy, Layer layer)
    {
        ArgumentNullException.ThrowIfNull(policy);
        string? best = null;
        foreach (var (field, fieldLayer) in policy.Fields)
        {
            if (fieldLayer == layer && (best is null || string.CompareOrdinal(field, best) < 0))
            {
                best = field;
            }
        }

        return best;
    }
}
