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

    public static void Write(CheckReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartArray("items");
        foreach (var item in report.Items)
        {
            WriteItem(json, item);
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
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
        json.WriteString("id", item.Id);
        json.WriteString("source", CheckCodes.Source(item.Source));
        json.WriteString("kind", CheckCodes.Kind(item.Kind));
        json.WriteString("title", item.Title);
        if (item.IsClosed)
        {
            json.WriteString("state", "closed");
        }

        json.WriteString("layer", item.Layer.ToCode());
        json.WriteStartObject("trace");
        Strings(json, "outcomes", item.Trace.Outcomes);
        Strings(json, "stages", item.Trace.Stages);
        Strings(json, "logic", item.Trace.Logic);
        Strings(json, "components", item.Trace.Components);
        json.WriteEndObject();
        json.WriteStartArray("gaps");
        foreach (var gap in item.Gaps)
        {
            json.WriteStartObject();
            json.WriteString("code", gap.Code);
            json.WriteString("severity", CheckCodes.Severity(gap.Severity));
            json.WriteString("message", gap.Message);
            json.WriteString("fix", gap.Fix);
            json.WriteStartArray("suggestions");
            foreach (var suggestion in gap.Suggestions)
            {
                json.WriteStartObject();
                json.WriteString("id", suggestion.Id);
                json.WriteNumber("score", suggestion.Score);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (gap.Waiver is { } waiver)
            {
                json.WriteStartObject("waiver");
                json.WriteString("id", waiver.Id);
                json.WriteString("until", WaiverRules.Format(waiver.Until));
                json.WriteString("reason", waiver.Reason);
                json.WriteString("approvedBy", waiver.ApprovedBy);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (item.ExemptReason is { } reason)
        {
            json.WriteString("exempt", reason);
        }

        if (item.LinkedItems.Count > 0)
        {
            Strings(json, "linkedItems", item.LinkedItems);
        }

        if (item.Diagnostics.Count > 0)
        {
            Strings(json, "diagnostics", item.Diagnostics);
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

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
