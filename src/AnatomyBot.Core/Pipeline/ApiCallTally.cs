namespace AnatomyBot.Core.Pipeline;

/// <summary>The API calls, and the writes among them, made while one delivery is processed (every attempt counts, retries
/// included). A handler starts one with <see cref="Begin"/>; it flows with the async context, and each platform's HTTP
/// pipeline records every request that reaches the network into <see cref="Current"/>, whichever platform's API it calls.</summary>
public sealed class ApiCallTally
{
    private static readonly AsyncLocal<ApiCallTally?> CurrentTally = new();
    private int _calls;
    private int _writes;

    /// <summary>The tally of the delivery being processed in this async flow, or null outside one.</summary>
    public static ApiCallTally? Current => CurrentTally.Value;

    public int Calls => Volatile.Read(ref _calls);

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Starts a tally for the current async flow; disposing the scope makes the enclosing one (if any) current again.</summary>
    public static Scope Begin()
    {
        var previous = CurrentTally.Value;
        var tally = new ApiCallTally();
        CurrentTally.Value = tally;
        return new Scope(previous, tally);
    }

    public void Record(bool isWrite)
    {
        Interlocked.Increment(ref _calls);
        if (isWrite)
        {
            Interlocked.Increment(ref _writes);
        }
    }

    /// <summary><paramref name="result"/> with this tally's calls and writes.</summary>
    public DeliveryResult Stamp(DeliveryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result with { ApiCalls = Calls, Writes = Writes };
    }

    /// <summary>The tally begun by <see cref="Begin"/>, current until disposed.</summary>
    public readonly struct Scope(ApiCallTally? previous, ApiCallTally tally) : IDisposable
    {
        public ApiCallTally Tally => tally;

        public void Dispose() => CurrentTally.Value = previous;
    }
}
