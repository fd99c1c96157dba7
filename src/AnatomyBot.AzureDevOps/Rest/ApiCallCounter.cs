namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Counts Azure DevOps calls per delivery: <see cref="BeginScope"/> starts a tally that every request made in
/// the same async flow adds to (the HTTP handler records into <see cref="Current"/>).</summary>
public sealed class ApiCallCounter
{
    private readonly AsyncLocal<ApiCallTally?> _current = new();

    public ApiCallTally? Current => _current.Value;

    public Scope BeginScope()
    {
        var previous = _current.Value;
        var tally = new ApiCallTally();
        _current.Value = tally;
        return new Scope(this, previous, tally);
    }

    public readonly struct Scope(ApiCallCounter owner, ApiCallTally? previous, ApiCallTally tally) : IDisposable
    {
        public ApiCallTally Tally => tally;

        public void Dispose() => owner._current.Value = previous;
    }
}
