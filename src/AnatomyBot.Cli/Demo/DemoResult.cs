namespace AnatomyBot.Cli.Demo;

/// <summary>What the demo showed, and what it expected but did not see (exit code 1 when not empty).</summary>
internal sealed record DemoResult(string DigestPath, IReadOnlyList<string> CheckVerdicts, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
