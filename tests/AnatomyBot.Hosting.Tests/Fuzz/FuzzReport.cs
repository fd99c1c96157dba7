using System.Globalization;

namespace AnatomyBot.Hosting.Tests.Fuzz;

/// <summary>What one fuzz target did: how many inputs, the costliest (thread CPU time) and what it was, and the run's
/// elapsed and process CPU time.</summary>
internal sealed record FuzzReport(string Target, long Inputs, TimeSpan Slowest, string SlowestInput, TimeSpan Elapsed, TimeSpan ProcessCpu)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Target}: {Inputs:N0} inputs in {Elapsed.TotalSeconds:0.0} s ({ProcessCpu.TotalSeconds:0.0} s CPU); slowest {Slowest.TotalMilliseconds:0.0} ms CPU: {SlowestInput}");
}
