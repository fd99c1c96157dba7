namespace AnatomyBot.Core.Anatomy;

/// <summary>One finding about the anatomy file: a parse error (<c>yaml-syntax</c>, <c>unknown-key</c>, <c>duplicate-id</c>,
/// <c>unknown-id</c>…) or a lint finding (<c>stage-no-outcome</c>…); all codes are in <see cref="AnatomyDiagnosticCodes"/>.
/// Printed as <c>file:line:column: severity code: message</c>.</summary>
public sealed record AnatomyDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    SourcePosition Position,
    string? ElementId = null);
