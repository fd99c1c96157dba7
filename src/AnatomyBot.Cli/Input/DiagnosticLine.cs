using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Input;

/// <summary>The one-line form of a diagnostic, as compilers print it so that editors can jump to it:
/// <c>path:line:column: severity code: message</c>.</summary>
internal static class DiagnosticLine
{
    public static string Format(string file, AnatomyDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return $"{file}:{diagnostic.Position.Line}:{diagnostic.Position.Column}: {SeverityWord(diagnostic.Severity)} {diagnostic.Code}: {diagnostic.Message}";
    }

    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
