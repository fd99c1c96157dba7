using System.Buffers;

namespace AnatomyBot.Hosting.Webhooks;

/// <summary>A request body read into a buffer rented from the shared array pool (bodies up to <see cref="MaxPooledBytes"/>;
/// larger ones get their own array). The ingress copies what it keeps, so the buffer goes back to the pool as soon as the
/// request has been checked: a webhook-sized body costs the acknowledgement path no garbage of its own.</summary>
internal sealed class RentedBody : IDisposable
{
    /// <summary>Large enough for every webhook GitHub or Azure DevOps usually sends; rarer giants are not kept in the pool.</summary>
    public const int MaxPooledBytes = 1024 * 1024;

    private readonly int _length;
    private byte[]? _buffer;
    private readonly bool _pooled;

    private RentedBody(byte[] buffer, int length, bool pooled)
    {
        _buffer = buffer;
        _length = length;
        _pooled = pooled;
    }

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(RentedBody))).AsSpan(0, _length);

    /// <summary>A buffer for a body of <paramref name="length"/> bytes, to be filled by the caller.</summary>
    public static RentedBody Rent(int length, out Span<byte> fill)
    {
        var pooled = length <= MaxPooledBytes;
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(length) : new byte[length];
        fill = buffer.AsSpan(0, length);
        return new RentedBody(buffer, length, pooled);
    }

    /// <summary>A body already in an array of its own (read without a declared length).</summary>
    public static RentedBody Own(byte[] buffer, int length) => new(buffer, length, pooled: false);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null && _pooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
