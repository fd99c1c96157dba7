using AnatomyBot.Cli.Output;

namespace AnatomyBot.Cli.Tests.Interrupting;

/// <summary>The wrappers through which <c>check</c> reads its backlogs and writes its report: each passes everything
/// through until the token is cancelled, then refuses the next read or write and leaves what is behind untouched.</summary>
public sealed class CancellableOutputTests
{
    [Fact]
    public void Stream_CancelledBetweenWrites_NextWriteThrows_EarlierBytesKept()
    {
        using var cancel = new CancellationTokenSource();
        using var inner = new MemoryStream();
        using var stream = new CancellableStream(inner, cancel.Token);

        stream.Write("[{"u8);
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => stream.Write("}]"u8));
        Assert.Throws<OperationCanceledException>(() => stream.Write([1, 2], 0, 2));
        Assert.Equal("[{"u8.ToArray(), inner.ToArray());
    }

    [Fact]
    public void Stream_CancelledBetweenReads_NextReadThrows()
    {
        using var cancel = new CancellationTokenSource();
        using var inner = new MemoryStream([1, 2, 3, 4]);
        using var stream = new CancellableStream(inner, cancel.Token);
        var buffer = new byte[2];

        Assert.Equal(2, stream.Read(buffer, 0, 2));
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => stream.Read(buffer, 0, 2));
        Assert.Throws<OperationCanceledException>(() => stream.Read(buffer.AsSpan()));
        Assert.Equal(2, inner.Position);
    }

    [Fact]
    public void Stream_Disposed_LeavesTheInnerStreamOpen()
    {
        using var inner = new MemoryStream();
        new CancellableStream(inner, CancellationToken.None).Dispose();

        inner.WriteByte(1);

        Assert.Equal(1, inner.Length);
    }

    [Fact]
    public void TextWriter_CancelledBetweenLines_NextWriteThrows_EarlierLinesKept()
    {
        using var cancel = new CancellationTokenSource();
        using var inner = new StringWriter { NewLine = "\n" };
        using var writer = new CancellableTextWriter(inner, cancel.Token);

        writer.WriteLine("1  story  component  Sign-up");
        writer.Write('x');
        writer.WriteLine();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => writer.WriteLine("2  story  unmapped  Billing"));
        Assert.Throws<OperationCanceledException>(() => writer.Write("tail"));
        Assert.Throws<OperationCanceledException>(() => writer.WriteLine());
        Assert.Throws<OperationCanceledException>(writer.Flush);
        Assert.Equal("1  story  component  Sign-up\nx\n", inner.ToString());
    }
}
