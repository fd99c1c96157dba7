using System.Text.Encodings.Web;
using System.Text.Json;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage.Batch;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Writes the report as JSON, streamed: <c>{"items":[{"id","source","kind","title","layer","trace",
/// "gaps"}],"summary":{…}}</c>; a gap a waiver covers carries <c>"waiver": {"id","until","reason","approvedBy"}</c>
/// and the summary counts such gaps as <c>waived</c>; a closed item has <c>"state": "closed"</c> (and no gap more
/// severe than <c>warn</c>); plus <c>exempt</c>, <c>linkedItems</c> and <c>diagnostics</c> on items that have them.</summary>
internal static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>From this many items on, they are written on every core (<see cref="ParallelArrayItems"/>).</summary>
    private const int ParallelFrom = 2048;

    public static void Write(CheckReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartArray(Names.Items);
        var items = report.Items;
        if (items.Count >= ParallelFrom)
        {
            WriteItem(json, items[0]);
            json.Flush();
            ParallelArrayItems.WriteRest(items, output, Options, Names.Items, (writer, item) => WriteItem(writer, item));
        }
        else
        {
            foreach (var item in items)
            {
                WriteItem(json, item);
            }
        }

        json.WriteEndArray();
        WriteSummary(json, report);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteItem(Utf8JsonWriter json, in BacklogItemEvaluation item)
    {
        json.WriteStartObject();
        json.WriteString(Names.Id, item.Id);
        json.WriteString(Names.Source, CheckCodes.Source(item.Source));
        json.WriteString(Names.Kind, CheckCodes.Kind(item.Kind));
        json.WriteString(Names.Title, item.Title);
        if (item.IsClosed)
        {
            json.WriteString(Names.State, "closed");
        }

        json.WriteString(Names.Layer, item.Layer.ToCode());
        json.WriteStartObject(Names.Trace);
        Strings(json, Names.Outcomes, item.Trace.Outcomes);
        Strings(json, Names.Stages, item.Trace.Stages);
        Strings(json, Names.Logic, item.Trace.Logic);
        Strings(json, Names.Components, item.Trace.Components);
        json.WriteEndObject();
        json.WriteStartArray(Names.Gaps);
        foreach (var gap in AsArray(item.Gaps))
        {
            json.WriteStartObject();
            json.WriteString(Names.Code, gap.Code);
            json.WriteString(Names.Severity, CheckCodes.Severity(gap.Severity));
            json.WriteString(Names.Message, gap.Message);
            json.WriteString(Names.Fix, gap.Fix);
            json.WriteStartArray(Names.Suggestions);
            foreach (var suggestion in AsArray(gap.Suggestions))
            {
                json.WriteStartObject();
                json.WriteString(Names.Id, suggestion.Id);
                JsonScore.Write(json, Names.Score, suggestion.Score);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (gap.Waiver is { } waiver)
            {
                json.WriteStartObject(Names.Waiver);
                json.WriteString(Names.Id, waiver.Id);
                json.WriteString(Names.Until, WaiverRules.Format(waiver.Until));
                json.WriteString(Names.Reason, waiver.Reason);
                json.WriteString(Names.ApprovedBy, waiver.ApprovedBy);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (item.ExemptReason is { } reason)
        {
            json.WriteString(Names.Exempt, reason);
        }

        if (item.LinkedItems.Count > 0)
        {
            Strings(json, Names.LinkedItems, item.LinkedItems);
        }

        if (item.Diagnostics.Count > 0)
        {
            Strings(json, Names.Diagnostics, item.Diagnostics);
        }

        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, CheckReport report)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("items", report.Items.Count);
        json.WriteNumber("withGaps", report.WithGaps);
        json.WriteNumber("exempt", report.Exempt);
        json.WriteNumber("withDiagnostics", report.WithDiagnostics);
        json.WriteNumber("waived", report.Waived);
        json.WriteStartObject("gaps");
        foreach (var (code, count) in report.GapCounts)
        {
            json.WriteNumber(code, count);
        }

        json.WriteEndObject();
        json.WriteStartObject("severities");
        foreach (var severity in (GapSeverity[])[GapSeverity.Info, GapSeverity.Warn, GapSeverity.Block])
        {
            json.WriteNumber(CheckCodes.Severity(severity), report.SeverityCounts.GetValueOrDefault(severity));
        }

        json.WriteEndObject();
        json.WriteStartObject("layers");
        foreach (var layer in (Layer[])[Layer.Outcome, Layer.Stage, Layer.Logic, Layer.Component, Layer.Unmapped])
        {
            json.WriteNumber(layer.ToCode(), report.LayerCounts.GetValueOrDefault(layer));
        }

        json.WriteEndObject();
        json.WriteString("failOn", report.FailOn.ToString().ToLowerInvariant());
        json.WriteBoolean("failed", report.Failed);
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in AsArray(values))
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The engine's lists are arrays: looped over as such, not through a boxed enumerator (several per item)
    /// and an interface call per element.</summary>
    private static T[] AsArray<T>(IReadOnlyList<T> list) => list as T[] ?? [.. list];

    /// <summary>The property names of an item, encoded once instead of for every item.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
        public static readonly JsonEncodedText Layer = JsonEncodedText.Encode("layer");
        public static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
        public static readonly JsonEncodedText Outcomes = JsonEncodedText.Encode("outcomes");
        public static readonly JsonEncodedText Stages = JsonEncodedText.Encode("stages");
        public static readonly JsonEncodedText Logic = JsonEncodedText.Encode("logic");
        public static readonly JsonEncodedText Components = JsonEncodedText.Encode("components");
        public static readonly JsonEncodedText Gaps = JsonEncodedText.Encode("gaps");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Fix = JsonEncodedText.Encode("fix");
        public static readonly JsonEncodedText Suggestions = JsonEncodedText.Encode("suggestions");
        public static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
        public static readonly JsonEncodedText Waiver = JsonEncodedText.Encode("waiver");
        public static readonly JsonEncodedText Until = JsonEncodedText.Encode("until");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText ApprovedBy = JsonEncodedText.Encode("approvedBy");
        public static readonly JsonEncodedText Exempt = JsonEncodedText.Encode("exempt");
        public static readonly JsonEncodedText LinkedItems = JsonEncodedText.Encode("linkedItems");
        public static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");
    }
}
