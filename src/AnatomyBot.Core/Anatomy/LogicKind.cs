namespace AnatomyBot.Core.Anatomy;

/// <summary>The kinds of P3 system logic. YAML spelling is the lower-case name.</summary>
public enum LogicKind
{
    Rule,
    Data,
    Event,
    Timing,
    Exception,
    Integration,
    Ui,
    Workflow,
}
