namespace AnatomyBot.Core.Anatomy;

/// <summary>The kinds of P4 component specification. YAML spelling is the lower-case name.</summary>
public enum ComponentKind
{
    Data,
    Rule,
    Event,
    Workflow,
    Ui,
    Integration,
    Reporting,
    Audit,
    Exception,
}
