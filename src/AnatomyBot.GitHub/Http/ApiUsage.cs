namespace AnatomyBot.GitHub.Http;

/// <summary>Counts the API requests (and the writes among them) made while processing one delivery. Flows with the async
/// context: <see cref="Begin"/> at the start of a delivery, read the counts at the end.</summary>
public sealed class ApiUsage
{
    private static readonly AsyncLocal<ApiUsage?> CurrentScope = new();
    private int _calls;
    private int _writes;

    public static ApiUsage? Current => CurrentScope.Value;

    public int Calls => Volatile.Read(ref _calls);

    public int Writes => Volatile.Read(ref _writes);

    public static ApiUsage Begin()
    {
        var usage = new ApiUsage();
        CurrentScope.Value = usage;
        return usage;
    }

    internal void Record(HttpMethod method)
    {
        Interlocked.Increment(ref _calls);
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            Interlocked.Increment(ref _writes);
        }
    }
}
