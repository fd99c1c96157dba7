namespace AnatomyBot.Core.Anatomy;

/// <summary>The four layers of the enterprise anatomy. The numeric order is the depth: a component (P4) is deeper than an outcome (P1).</summary>
public enum Layer
{
    /// <summary>Reaches no layer at all.</summary>
    Unmapped = 0,

    /// <summary>P1: strategic outcome.</summary>
    Outcome = 1,

    /// <summary>P2: value-stream stage (and its decision sequence).</summary>
    Stage = 2,

    /// <summary>P3: system logic.</summary>
    Logic = 3,

    /// <summary>P4: component specification.</summary>
    Component = 4,
}
