namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>Reusable room for one item's body text: a reader of many items copies each body here instead of
/// allocating a string per body (a backlog's descriptions are most of its bytes). Part of an
/// <see cref="AzureDevOpsItemReader"/>. When <see cref="DefersStrings"/>, a string body that cannot fail to decode is not
/// copied at all: only where its token lies is noted (<see cref="Deferred"/>), for another thread to decode.</summary>
internal sealed class BodyBuffer
{
    private char[] _chars = new char[4096];

    /// <summary>The body last written, or empty.</summary>
    public ReadOnlySpan<char> Text => _chars.AsSpan(0, Length);

    public int Length { get; private set; }

    /// <summary>Whether a string body is left undecoded (<see cref="Deferred"/>) when that is safe.</summary>
    public bool DefersStrings { get; set; }

    /// <summary>The body's JSON string token in the reader's data, when it was left undecoded.</summary>
    public JsonStringToken? Deferred { get; private set; }

    /// <summary>Room for at least <paramref name="size"/> characters; what was held is dropped.</summary>
    public Span<char> Reserve(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Clear();
        if (_chars.Length < size)
        {
            _chars = new char[Math.Max(size, _chars.Length * 2)];
        }

        return _chars;
    }

    /// <summary>Marks the first <paramref name="length"/> reserved characters as the body.</summary>
    public void Commit(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _chars.Length);
        Length = length;
    }

    /// <summary>Takes the body as the string token at <paramref name="token"/>, to be decoded later.</summary>
    public void Defer(JsonStringToken token)
    {
        Clear();
        Deferred = token;
    }

    public void Clear()
    {
        Length = 0;
        Deferred = null;
    }
}
