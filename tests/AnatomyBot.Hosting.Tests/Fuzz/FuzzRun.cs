namespace AnatomyBot.Hosting.Tests.Fuzz;

/// <summary>Counts the inputs one fuzz target ran and keeps the one that cost the most CPU time.</summary>
internal sealed class FuzzRun<T>(string target, Func<T, string> describe)
{
    private readonly Lock _gate = new();
    private long _inputs;
    private TimeSpan _slowest = TimeSpan.MinValue;
    private T? _slowestInput;

    public long Inputs => Interlocked.Read(ref _inputs);

    /// <summary>Runs <paramref name="check"/> on <paramref name="input"/>, measuring its thread's CPU time.</summary>
    public void Measure(T input, Action<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var start = ThreadCpuTime.Now();
        check(input);
        var spent = ThreadCpuTime.Now() - start;
        Interlocked.Increment(ref _inputs);
        lock (_gate)
        {
            if (spent > _slowest)
            {
                (_slowest, _slowestInput) = (spent, input);
            }
        }
    }

    public FuzzReport Report(TimeSpan elapsed, TimeSpan cpu)
    {
        lock (_gate)
        {
            return new FuzzReport(target, Inputs, _slowest, _slowestInput is null ? "" : describe(_slowestInput), elapsed, cpu);
        }
    }
}
