namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Stops reading at once (alias, too deep, too large). Internal control flow only: never leaves
/// <see cref="AnatomyParser.Parse"/>.</summary>
#pragma warning disable CA1064 // Internal by design: it never crosses the parser's boundary.
internal sealed class FatalParseException(AnatomyDiagnostic diagnostic) : Exception(diagnostic.Message)
#pragma warning restore CA1064
{
    public AnatomyDiagnostic Diagnostic { get; } = diagnostic;
}
