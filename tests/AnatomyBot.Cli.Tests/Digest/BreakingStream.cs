namespace AnatomyBot.Cli.Tests.Digest;

/// <summary>A file stream that takes the first <paramref name="bytes"/> bytes written to it and then fails the write with
/// <paramref name="failure"/>, as a full disk or an interruption part-way through a write would.</summary>
internal sealed class BreakingStream(Stream file, int bytes, Func<Exception> failure) : Stream
{
    private int _left = bytes;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var taken = Math.Min(_left, buffer.Length);
        file.Write(buffer[..taken]);
        file.Flush();
        _left -= taken;
        if (taken < buffer.Length)
        {
            throw failure();
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => file.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
