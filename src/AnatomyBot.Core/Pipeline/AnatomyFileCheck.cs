using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Pipeline;

/// <summary>The anatomy check of <c>anatomybot doctor</c>, the same on every platform: the file is there, parses and
/// lints without errors.</summary>
public static class AnatomyFileCheck
{
    /// <param name="name">The check's name.</param>
    /// <param name="path">The file as the user knows it (for <c>anatomybot lint</c>).</param>
    /// <param name="text">The file's text, or null when it was not found.</param>
    /// <param name="missing">What was not found, e.g. <c>no .github/anatomy.yml on main</c>.</param>
    /// <param name="missingFix">How to put it there.</param>
    public static DoctorCheck Evaluate(string name, string path, string? text, string missing, string missingFix)
    {
        if (text is null)
        {
            return DoctorCheck.Fail(name, missing, missingFix);
        }

        var parsed = AnatomyParser.Parse(text);
        if (parsed.Anatomy is not { } anatomy || !parsed.IsValid)
        {
            return DoctorCheck.Fail(name, $"{path} does not parse ({parsed.Errors.Count} errors; first: {parsed.Errors[0].Message})", $"run anatomybot lint {path} and fix the errors");
        }

        var errors = AnatomyLinter.Lint(anatomy).Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return errors == 0
            ? DoctorCheck.Pass(name, $"{path} found and lints without errors")
            : DoctorCheck.Fail(name, $"{path} has {errors} lint error(s)", $"run anatomybot lint {path} and fix the errors");
    }
}
