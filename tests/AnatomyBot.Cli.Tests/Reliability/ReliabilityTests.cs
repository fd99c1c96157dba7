namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The reliability tests load the machine on purpose: they run one at a time, after the other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityTests
{
    public const string Name = "Reliability";
}
