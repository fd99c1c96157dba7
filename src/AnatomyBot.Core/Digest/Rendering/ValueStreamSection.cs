using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>Each value stream as a flowchart of its stages (wrapped into rows of <see cref="StagesPerRow"/>, so its text
/// stays at least 12 px wide at GitHub's width) with a table of the work on each stage by the layer each item is placed
/// at, then a box and a line for the work placed on no stage.</summary>
internal static class ValueStreamSection
{
    /// <summary>Stages side by side in one row of the picture; longer streams continue on the next row.</summary>
    public const int StagesPerRow = 5;

    /// <summary>Longest line of a stage name in a box before it wraps at a space.</summary>
    private const int LabelLine = 16;

    /// <summary>Tighter spacing than Mermaid's defaults, so five boxes in a row fit GitHub's width without shrinking the
    /// text; rows of a wrapped stream sit in boxes of their own, which take room, so they are tighter still.</summary>
    private const string Init = "%%{init: {\"flowchart\": {\"rankSpacing\": 30, \"nodeSpacing\": 20, \"padding\": 8, \"diagramPadding\": 4}}}%%";

    private const string WrappedInit = "%%{init: {\"flowchart\": {\"rankSpacing\": 16, \"nodeSpacing\": 12, \"padding\": 6, \"diagramPadding\": 0}}}%%";

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
        var unplaced = digest.UnplacedWork;
        if (streams.Count == 0 && unplaced.Items == 0)
        {
            return;
        }

        blocks.Add("## Value streams");
        blocks.Add("Stages in order, coloured by how much of their work is fully linked: green 80% or more, amber 50% or more, red below, grey no work. "
            + "Each table counts the work on a stage by the deepest layer the item itself is placed at "
            + "(*outcome only*, *stage only*, *logic*, *component*, or *not placed* when it reaches the stage only through a linked item); the five add up to *Work*.");
        foreach (var stream in streams)
        {
            blocks.Add($"### {MarkdownText.Escape(stream.Name)} {MarkdownText.Code(stream.Id)}");
            if (stream.Stages.All(s => s.Items == 0))
            {
                blocks.Add("No work in flight on any stage: this value stream is still only a diagram.");
                continue;
            }

            blocks.Add(MermaidText.Block(flavor, Flowchart(stream.Stages)));
            blocks.AddLines(Table(stream.Stages));
            if (stream.Callouts.Count > 0)
            {
                blocks.AddLines(stream.Callouts.Select(Callout));
            }
        }

        if (unplaced.Items > 0)
        {
            blocks.Add("### " + StageDigest.UnplacedName);
            blocks.Add(MermaidText.Block(flavor, Flowchart([unplaced])));
            blocks.AddLines(Table([unplaced]));
            blocks.Add($"{Items(unplaced.Items)} in flight {(unplaced.Items == 1 ? "reaches" : "reach")} no stage of any value stream, so no stage above counts {(unplaced.Items == 1 ? "it" : "them")}; "
                + "*Needs attention* names those with gaps.");
        }
    }

    private static IEnumerable<string> Flowchart(IReadOnlyList<StageDigest> stages)
    {
        var wrapped = stages.Count > StagesPerRow;
        yield return wrapped ? WrappedInit : Init;
        yield return wrapped ? "flowchart TB" : "flowchart LR";
        var rows = stages.Select((stage, i) => (stage, i)).Chunk(StagesPerRow).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var indent = wrapped ? "        " : "    ";
            if (wrapped)
            {
                yield return $"    subgraph row{r} [\" \"]";
                yield return "        direction LR";
            }

            foreach (var (stage, i) in rows[r])
            {
                yield return $"{indent}s{i}[\"{Label(stage)}\"]:::{ClassOf(stage.Health)}";
            }

            foreach (var (_, i) in rows[r].Skip(1))
            {
                yield return $"{indent}s{i - 1} --> s{i}";
            }

            if (wrapped)
            {
                yield return "    end";
                yield return $"    style row{r} fill:none,stroke:#d0d7de";
            }
        }

        // A link between rows goes from box to box of the rows: a link between stages in two rows would undo the rows' direction.
        for (var r = 1; r < rows.Count; r++)
        {
            yield return $"    row{r - 1} --> row{r}";
        }

        foreach (var definition in ClassDefinitions)
        {
            yield return definition;
        }
    }

    /// <summary>The stage's name wrapped at spaces into short lines, then its work and linked share on lines of their own.</summary>
    private static string Label(StageDigest stage)
    {
        var lines = Wrap(stage.Name).Select(MermaidText.Label).ToList();
        if (stage.Items == 0)
        {
            lines.Add("no work");
        }
        else
        {
            lines.Add(Items(stage.Items));
            lines.Add($"{MarkdownText.Percent((double)stage.FullyLinked / stage.Items)} linked");
        }

        return string.Join("<br/>", lines);
    }

    private static List<string> Wrap(string name)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LabelLine)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static IEnumerable<string> Table(IReadOnlyList<StageDigest> stages)
    {
        yield return "| Stage | Work | Outcome only | Stage only | Logic | Component | Not placed | Open gaps | Fully linked |";
        yield return "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
        foreach (var stage in stages)
        {
            var linked = stage.Items == 0 ? "—" : $"{MarkdownText.Number(stage.FullyLinked)} ({MarkdownText.Percent((double)stage.FullyLinked / stage.Items)})";
            var name = stage.IsUnplaced ? "*no stage*" : $"{MarkdownText.Escape(stage.Name)} {MarkdownText.Code(stage.Id)}";
            yield return $"| {name} | {MarkdownText.Number(stage.Items)} | "
                + $"{Count(stage, Layer.Outcome)} | {Count(stage, Layer.Stage)} | {Count(stage, Layer.Logic)} | {Count(stage, Layer.Component)} | {Count(stage, Layer.Unmapped)} | "
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
