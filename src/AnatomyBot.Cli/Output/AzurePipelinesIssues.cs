using System.Globalization;
using System.Text;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Output;

/// <summary><c>lint --format azure-pipelines</c>: one Azure Pipelines logging command per error or warning —
/// <c>##vso[task.logissue type=error;sourcepath=F;linenumber=L;columnnumber=C;code=CODE]message</c> — escaped as the
/// agent unescapes them (<c>%</c> as <c>%AZP25</c>, then <c>;</c>, CR, LF and <c>]</c>). Azure Pipelines has no
/// informational issue, so an info finding is a plain log line <c>F:L:C: info CODE: message</c> in which CR, LF and
/// <c>]</c> are escaped the same way: without a <c>]</c> no part of the line can be read as a command.</summary>
internal static class AzurePipelinesIssues
{
    public static void Write(TextWriter output, string file, IReadOnlyList<AnatomyDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Info)
            {
                output.WriteLine(EscapePlain($"{file}:{diagnostic.Position}: info {diagnostic.Code}: {diagnostic.Message}"));
                continue;
            }

            var properties = new StringBuilder("type=").Append(diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning");
            properties.Append(";sourcepath=").Append(Escape(file));
            if (diagnostic.Position.Line > 0)
            {
                properties.Append(CultureInfo.InvariantCulture, $";linenumber={diagnostic.Position.Line};columnnumber={diagnostic.Position.Column}");
            }

            properties.Append(";code=").Append(Escape(diagnostic.Code));
            output.WriteLine($"##vso[task.logissue {properties}]{Escape(diagnostic.Message)}");
        }
    }

    /// <summary>An error with no position: the file could not be read at all.</summary>
    public static void WriteFailure(TextWriter output, string message) => output.WriteLine($"##vso[task.logissue type=error]{Escape(message)}");

    /// <summary>A property value or message: the agent unescapes <c>%3B</c>, <c>%0D</c>, <c>%0A</c>, <c>%5D</c>, then
    /// <c>%AZP25</c>, in both.</summary>
    public static string Escape(string text) => EscapePlain(text.Replace("%", "%AZP25", StringComparison.Ordinal))
        .Replace(";", "%3B", StringComparison.Ordinal);

    private static string EscapePlain(string text) => text
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal)
        .Replace("]", "%5D", StringComparison.Ordinal);
}
