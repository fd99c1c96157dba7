using System.Globalization;
using System.Text;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Output;

/// <summary><c>lint --format github</c>: one GitHub Actions workflow command per finding —
/// <c>::error file=F,line=L,col=C,title=CODE::message</c>, <c>::warning …</c> for warnings, <c>::notice …</c> for info —
/// escaped as the runner unescapes them (<c>%</c>, CR and LF everywhere; also <c>:</c> and <c>,</c> in properties), so
/// no text from the anatomy can end a command or start another one.</summary>
internal static class GitHubAnnotations
{
    public static void Write(TextWriter output, string file, IReadOnlyList<AnatomyDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var properties = new StringBuilder("file=").Append(EscapeProperty(file));
            if (diagnostic.Position.Line > 0)
            {
                properties.Append(CultureInfo.InvariantCulture, $",line={diagnostic.Position.Line},col={diagnostic.Position.Column}");
            }

            properties.Append(",title=").Append(EscapeProperty(diagnostic.Code));
            output.WriteLine($"::{Command(diagnostic.Severity)} {properties}::{EscapeData(diagnostic.Message)}");
        }
    }

    /// <summary>An error with no position: the file could not be read at all.</summary>
    public static void WriteFailure(TextWriter output, string message) => output.WriteLine($"::error::{EscapeData(message)}");

    private static string Command(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>A command's message: the runner turns <c>%25</c>, <c>%0D</c> and <c>%0A</c> back into characters.</summary>
    public static string EscapeData(string text) => text
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value, which <c>,</c> would end and <c>::</c> would close.</summary>
    public static string EscapeProperty(string text) => EscapeData(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
