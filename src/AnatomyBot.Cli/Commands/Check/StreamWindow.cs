namespace AnatomyBot.Cli.Commands.Check;

/// <summary>A growing window over a stream for incremental JSON reading: the unread bytes stay at the front, more are
/// appended on demand, and the buffer doubles only when one token (an item) does not fit.</summary>
internal sealed class StreamWindow(Stream stream)
{
    private byte[] _buffer = new byte[256 * 1024];
    private int _filled;

    /// <summary>Position in the stream of the window's first byte.</summary>
    public long Offset { get; private set; }

    public bool AtEnd { get; private set; }

    public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, _filled);

    public ReadOnlyMemory<byte> Slice(int start, int length) => _buffer.AsMemory(start, length);

    public void Consume(int count)
    {
        _buffer.AsSpan(count, _filled - count).CopyTo(_buffer);
        _filled -= count;
        Offset += count;
    }

    /// <summary>Appends bytes until the buffer is full or the stream ends (doubling it first when it is full).</summary>
    public void ReadMore()
    {
        if (AtEnd)
        {
            return;
        }

        if (_filled == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        while (_filled < _buffer.Length)
        {
            var read = stream.Read(_buffer, _filled, _buffer.Length - _filled);
            if (read == 0)
            {
                AtEnd = true;
                return;
            }

            _filled += read;
        }
    }
}
