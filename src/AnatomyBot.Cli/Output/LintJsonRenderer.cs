using System.Text.Json;
using System.Text.Json.Nodes;
using AnatomyBot.Cli.Input;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Output;

/// <summary>JSON for tools: <c>{ file, valid, counts, diagnostics[], completeness[] }</c>. Parse errors use the same
/// shape with <c>valid: false</c> and an empty <c>completeness</c>.</summary>
internal static class LintJsonRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(TextWriter output, string file, IReadOnlyList<AnatomyDiagnostic> diagnostics, IReadOnlyList<ValueStreamCompleteness> completeness, bool valid)
    {
        var root = new JsonObject
        {
            ["file"] = file,
            ["valid"] = valid,
            ["counts"] = new JsonObject
            {
                ["error"] = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
                ["warning"] = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
                ["info"] = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info),
            },
            ["diagnostics"] = new JsonArray([.. diagnostics.Select(d => (JsonNode)new JsonObject
            {
                ["line"] = d.Position.Line,
                ["column"] = d.Position.Column,
                ["severity"] = DiagnosticLine.SeverityWord(d.Severity),
                ["code"] = d.Code,
                ["message"] = d.Message,
                ["elementId"] = d.ElementId,
            })]),
            ["completeness"] = new JsonArray([.. completeness.Select(c => (JsonNode)new JsonObject
            {
                ["valueStreamId"] = c.ValueStreamId,
                ["name"] = c.Name,
                ["stages"] = c.Stages,
                ["linkedToOutcome"] = c.LinkedToOutcome,
                ["withLogic"] = c.WithLogic,
                ["reachingComponents"] = c.ReachingComponents,
                ["complete"] = c.Complete,
            })]),
        };
        output.WriteLine(root.ToJsonString(Indented));
    }
}
