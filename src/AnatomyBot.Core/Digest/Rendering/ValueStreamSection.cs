using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Digest.Rendering;

internal static class ValueStreamSection
{
    private static readonly string[] ClassDefinitions =
    [
        "    classDef good fill:#d3f4d3,stroke:#2e7d32,color:#1b3d1b",
        "    classDef fair fill:#fff1c2,stroke:#b58900,color:#4d3a00",
        "    classDef poor fill:#f9d0d0,stroke:#c62828,color:#5c1010",
        "    classDef nowork fill:#eeeeee,stroke:#9e9e9e,color:#424242",
    ];

    public static void Write(WeeklyDigest digest, DigestBlocks blocks, DigestFlavor flavor)
    {
        var streams = digest.ValueStreams.Where(v => v.Stages.Count > 0).ToList();
        if (streams.Count == 0)
        {
            return;
        }

        blocks.Add("## Value streams");
        blocks.Add("Stages in order, coloured by how much of their work is fully linked: green 80% or more, amber 50% or more, red below, grey no work.");
        foreach (var stream in streams)
        {
            blocks.Add($"### {MarkdownText.Escape(stream.Name)} {MarkdownText.Code(stream.Id)}");
            if (stream.Stages.All(s => s.Items == 0))
            {
                blocks.Add("No work in flight on any stage: this value stream is still only a diagram.");
                continue;
            }

            blocks.Add(MermaidText.Block(flavor, Flowchart(stream)));
            blocks.AddLines(Table(stream));
            if (stream.Callouts.Count > 0)
            {
                blocks.AddLines(stream.Callouts.Select(Callout));
            }
        }
    }

    private static IEnumerable<string> Flowchart(ValueStreamDigest stream)
    {
        yield return "flowchart LR";
        for (var i = 0; i < stream.Stages.Count; i++)
        {
            var stage = stream.Stages[i];
            var detail = stage.Items == 0
                ? "no work"
                : $"{Items(stage.Items)} · {MarkdownText.Percent((double)stage.FullyLinked / stage.Items)} linked";
            yield return $"    s{i}[\"{MermaidText.Label(stage.Name)}<br/>{detail}\"]:::{ClassOf(stage.Health)}";
        }

        for (var i = 1; i < stream.Stages.Count; i++)
        {
            yield return $"    s{i - 1} --> s{i}";
        }

        foreach (var definition in ClassDefinitions)
        {
            yield return definition;
        }
    }

    private static IEnumerable<string> Table(ValueStreamDigest stream)
    {
        yield return "| Stage | Work | P1 | P2 | P3 | P4 | Open gaps | Fully linked |";
        yield return "|---|---:|---:|---:|---:|---:|---:|---:|";
        foreach (var stage in stream.Stages)
        {
            var linked = stage.Items == 0 ? "—" : $"{MarkdownText.Number(stage.FullyLinked)} ({MarkdownText.Percent((double)stage.FullyLinked / stage.Items)})";
            yield return $"| {MarkdownText.Escape(stage.Name)} {MarkdownText.Code(stage.Id)} | {MarkdownText.Number(stage.Items)} | "
                + $"{Count(stage, Layer.Outcome)} | {Count(stage, Layer.Stage)} | {Count(stage, Layer.Logic)} | {Count(stage, Layer.Component)} | "
                + $"{MarkdownText.Number(stage.OpenGaps)} | {linked} |";
        }
    }

    private static string Count(StageDigest stage, Layer layer) => MarkdownText.Number(stage.AtLayer(layer));

    private static string Callout(FragmentationCallout callout) => callout.Kind switch
    {
        FragmentationKind.ComponentsWithoutLogic =>
            $"- ⚠️ **{MarkdownText.Escape(callout.StageName)}**: {Items(callout.Items)} build components (P4), but the stage defines no logic (P3) to say what they execute.",
        _ =>
            $"- ⚠️ **{MarkdownText.Escape(callout.StageName)}**: {Items(callout.Items)} in flight, but neither the stage nor its value stream serves an outcome (P1).",
    };

    private static string Items(int count) => count == 1 ? "1 item" : $"{MarkdownText.Number(count)} items";

    private static string ClassOf(StageHealth health) => health switch
    {
        StageHealth.Good => "good",
        StageHealth.Fair => "fair",
        StageHealth.Poor => "poor",
        _ => "nowork",
    };
}
