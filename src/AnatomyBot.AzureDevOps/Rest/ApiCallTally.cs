namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>API calls and writes made while one delivery is processed (every attempt counts, retries included).</summary>
public sealed class ApiCallTally
{
    private int _calls;
    private int _writes;

    public int Calls => Volatile.Read(ref _calls);

    public int Writes => Volatile.Read(ref _writes);

    internal void Record(bool isWrite)
    {
        Interlocked.Increment(ref _calls);
        if (isWrite)
        {
            Interlocked.Increment(ref _writes);
        }
    }
}
