namespace AnatomyBot.Core.Pipeline;

/// <summary>The API calls, and the writes among them, made while one delivery is processed (every attempt counts, retries
/// included). A handler starts one with <see cref="Begin()"/>; it flows with the async context, and each platform's HTTP
/// pipeline records every request that reaches the network into <see cref="Current"/>, whichever platform's API it calls.</summary>
public sealed class ApiCallTally
{
    private static readonly AsyncLocal<ApiCallTally?> CurrentTally = new();
    private int _calls;
    private int _writes;
    private int _enforcing;

    /// <summary>The tally of the delivery being processed in this async flow, or null outside one.</summary>
    public static ApiCallTally? Current => CurrentTally.Value;

    public int Calls => Volatile.Read(ref _calls);

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Most calls for the delivery (<c>Pipeline:MaxApiCallsPerDelivery</c>) while <see cref="Enforce"/> is in
    /// effect; null for no bound.</summary>
    public int? Budget { get; init; }

    /// <summary>Whether the budget is spent.</summary>
    public bool IsSpent => Budget is { } budget && Calls >= budget;

    /// <summary>Starts a tally with a budget for the current async flow.</summary>
    public static Scope Begin(int? budget)
    {
        var previous = CurrentTally.Value;
        var tally = new ApiCallTally { Budget = budget };
        CurrentTally.Value = tally;
        return new Scope(previous, tally);
    }

    /// <summary>Starts a tally for the current async flow; disposing the scope makes the enclosing one (if any) current again.</summary>
    public static Scope Begin() => Begin(null);

    /// <summary>Holds the budget over the reads that user text drives (linked items, their ancestors) until disposed: a
    /// call past it throws <see cref="ApiBudgetSpentException"/>. The bot's own footprint (its comment, its check) and its
    /// writes are read and made outside, so it can always say why it stopped.</summary>
    public EnforcedBudget Enforce()
    {
        Interlocked.Increment(ref _enforcing);
        return new EnforcedBudget(this);
    }

    public void Record(bool isWrite)
    {
        if (Volatile.Read(ref _enforcing) > 0 && IsSpent)
        {
            throw new ApiBudgetSpentException(Budget!.Value);
        }

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

    /// <summary>The enforcement begun by <see cref="Enforce"/>, in effect until disposed.</summary>
    public readonly struct EnforcedBudget(ApiCallTally tally) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref tally._enforcing);
    }

    /// <summary>The tally begun by <see cref="Begin()"/>, current until disposed.</summary>
    public readonly struct Scope(ApiCallTally? previous, ApiCallTally tally) : IDisposable
    {
        public ApiCallTally Tally => tally;

        public void Dispose() => CurrentTally.Value = previous;
    }
}
