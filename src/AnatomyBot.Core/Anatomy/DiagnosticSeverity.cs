namespace AnatomyBot.Core.Anatomy;

public enum DiagnosticSeverity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
