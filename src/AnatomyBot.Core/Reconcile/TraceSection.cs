using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The trace P1 → P2 → P3 → P4: a one-line overview, then what the item links to on each layer.</summary>
internal static class TraceSection
{
    private static readonly Layer[] Layers = [Layer.Outcome, Layer.Stage, Layer.Logic, Layer.Component];

    public static void Write(MarkdownChunks md, ItemEvaluation evaluation, EnterpriseAnatomy anatomy, RenderOptions options)
    {
        var gapLayers = evaluation.Gaps.Select(g => GapWording.LayerOf(g.Code)).ToHashSet();
        md.AddSticky("#### Trace P1 → P2 → P3 → P4", "");
        md.Add(string.Join(" → ", Layers.Select(l => $"{l.ToCode()} {l.ToNoun()} {Mark(Ids(evaluation.Trace, l).Count > 0, gapLayers.Contains(l))}")), "");
        foreach (var layer in Layers)
        {
            md.AddSticky($"**{layer.ToCode()} {layer.ToNoun()}**", "");
            var ids = Ids(evaluation.Trace, layer);
            if (ids.Count == 0)
            {
                md.Add(gapLayers.Contains(layer) ? "- ❌ none linked (see the gaps below)" : "- none linked");
            }

            foreach (var id in ids)
            {
                md.Add("- " + Describe(id, anatomy, options));
            }

            md.Blank();
        }
    }

    private static string Mark(bool linked, bool gap) => linked ? "✅" : gap ? "❌" : "⬜";

    private static IReadOnlyList<string> Ids(Trace trace, Layer layer) => layer switch
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

        var head = MarkdownText.Code(element.Id) + " **" + MarkdownText.Escape(element.Name) + "**";
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
        return parts.Count == 0 ? "" : " — " + string.Join(" · ", parts);
    }

    private static string StreamOf(Stage stage, EnterpriseAnatomy anatomy)
    {
        var stream = anatomy.ValueStreams.FirstOrDefault(v => string.Equals(v.Id, stage.ValueStreamId, StringComparison.OrdinalIgnoreCase));
        return stream is null
            ? " — value stream " + MarkdownText.Code(stage.ValueStreamId)
            : $" — value stream **{MarkdownText.Escape(stream.Name)}**, stage {stage.Order + 1} of {stream.Stages.Count}";
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
