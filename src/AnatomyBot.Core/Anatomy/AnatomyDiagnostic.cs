namespace AnatomyBot.Core.Anatomy;

/// <summary>One finding about the anatomy file: a parse error (code <c>parse</c>, <c>schema</c>, <c>duplicate-id</c>,
/// <c>unknown-id</c>…) or a lint finding (<c>stage-no-outcome</c>…). Printed as <c>file:line:column: severity code: message</c>.</summary>
public sealed record AnatomyDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    SourcePosition Position,
    string? ElementId = null);
