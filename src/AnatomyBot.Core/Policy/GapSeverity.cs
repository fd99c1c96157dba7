namespace AnatomyBot.Core.Policy;

/// <summary>How much a gap matters. <c>warn</c> labels the item; <c>block</c> also fails the merge check.
/// Ordered so that the maximum is the verdict.</summary>
public enum GapSeverity
{
    Info = 0,
    Warn = 1,
    Block = 2,
}
