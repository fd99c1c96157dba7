using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The trace P1 → P4 in a collapsed <c>&lt;details&gt;</c> block: its summary is the overview
/// (<c>P1 ✅ P2 ✅ P3 ⬜ P4 ❌</c>, with what ⬜ means when one shows), its body what the item links to on each layer and
/// the work items a pull request links. Written as one chunk, so a size limit never leaves the block open.</summary>
internal static class TraceDetails
{
    /// <summary>How many elements a layer lists before it says how many more there are.</summary>
    private const int MaxPerLayer = 10;

    private static readonly Layer[] Layers = [Layer.Outcome, Layer.Stage, Layer.Logic, Layer.Component];

    public static void Write(MarkdownChunks md, ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions options)
    {
        var marks = Layers.ToDictionary(l => l, l => Mark(evaluation, anatomy, l));
        var legend = marks.ContainsValue(NotRequired) ? $" ({NotRequired} not required by the policy)" : "";
        var lines = new List<string>
        {
            "<details>",
            $"<summary>Trace: {string.Join(" ", Layers.Select(l => l.ToCode() + " " + marks[l]))}{legend}</summary>",
            "",
        };
        foreach (var layer in Layers)
        {
            lines.AddRange(LayerLines(layer, marks[layer], Ids(evaluation.Trace, layer), anatomy, options));
        }

        if (ItemNoun.IsPullRequest(evaluation.Item))
        {
            var (shown, more) = ItemMention.Some(evaluation.LinkedItems, evaluation.Item, MaxPerLayer);
            lines.Add("- **Linked work items**: " + (shown.Count == 0 ? "none found" : string.Join(", ", shown) + (more > 0 ? $" and {more} more" : "")));
        }

        lines.AddRange(["", "</details>", ""]);
        md.Add([.. lines]);
    }

    public const string Linked = "✅";
    public const string Missing = "❌";
    public const string NotRequired = "⬜";

    /// <summary>✅ when the trace holds an element of the layer the anatomy knows, ❌ when a gap asks for one, else ⬜.</summary>
    public static string Mark(ItemEvaluation evaluation, EnterpriseAnatomy anatomy, Layer layer)
    {
        if (Ids(evaluation.Trace, layer).Any(id => anatomy.TryGet(id, out _)))
        {
            return Linked;
        }

        return evaluation.Gaps.Any(g => GapWording.LayerOf(g.Code) == layer) ? Missing : NotRequired;
    }

    private static IEnumerable<string> LayerLines(Layer layer, string mark, IReadOnlyList<string> ids, EnterpriseAnatomy anatomy, RenderOptions options)
    {
        var head = $"- **{layer.ToCode()} {layer.ToNoun()}** {mark}";
        if (ids.Count == 0)
        {
            yield return head + " none linked";
            yield break;
        }

        yield return head;
        foreach (var id in ids.Take(MaxPerLayer))
        {
            yield return "  - " + Describe(id, anatomy, options);
        }

        if (ids.Count > MaxPerLayer)
        {
            yield return $"  - … and {ids.Count - MaxPerLayer} more";
        }
    }

    public static IReadOnlyList<string> Ids(Trace trace, Layer layer) => layer switch
    {
        Layer.Outcome => trace.Outcomes,
        Layer.Stage => trace.Stages,
        Layer.Logic => trace.Logic,
        _ => trace.Components,
    };

    private static string Describe(string id, EnterpriseAnatomy anatomy, RenderOptions options)
    {
        if (!anatomy.TryGet(id, out var element))
        {
            return MarkdownText.Code(id) + " (not in the anatomy)";
        }

        var head = MarkdownText.Code(element.Id) + " " + MarkdownText.Escape(element.Name);
        return element switch
        {
            Outcome o => head + Details(("metric", o.Metric), ("target", o.Target)),
            Stage s => head + StreamOf(s, anatomy),
            LogicElement l => head + " (" + Kind(l.Kind.ToString()) + ")",
            Component c => head + " (" + Kind(c.Kind.ToString()) + ")" + Spec(c.Spec, options),
            _ => head,
        };
    }

    private static string Details(params (string Name, string? Value)[] details)
    {
        var parts = details.Where(d => !string.IsNullOrWhiteSpace(d.Value)).Select(d => d.Name + ": " + MarkdownText.Escape(d.Value)).ToList();
        return parts.Count == 0 ? "" : " — " + string.Join("; ", parts);
    }

    private static string StreamOf(Stage stage, EnterpriseAnatomy anatomy)
    {
        var stream = anatomy.ValueStreams.FirstOrDefault(v => string.Equals(v.Id, stage.ValueStreamId, StringComparison.OrdinalIgnoreCase));
        return stream is null
            ? " — value stream " + MarkdownText.Code(stage.ValueStreamId)
            : $" — stage {stage.Order + 1} of {stream.Stages.Count} of {MarkdownText.Escape(stream.Name)}";
    }

    private static string Kind(string kind) => kind.ToLowerInvariant();

    private static string Spec(string? spec, RenderOptions options)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return " — no spec";
        }

        var url = MarkdownText.SafeUrl(spec) ?? Resolve(options.SpecBaseUrl, spec);
        return url is null ? " — spec " + MarkdownText.Code(spec) : " — spec " + MarkdownText.Link(spec, url);
    }

    private static string? Resolve(string? baseUrl, string path) =>
        baseUrl is null ? null : MarkdownText.SafeUrl(baseUrl.TrimEnd('/') + "/" + (path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path).TrimStart('/'));
}
