using System.Text;

namespace AnatomyBot.Cli.Output;

/// <summary>A text writer that stops at its next write once the token is cancelled
/// (<see cref="OperationCanceledException"/>), so report writers that take no token stop with the command. Each write
/// goes to the inner writer as one call (a console writer flushes per call); disposing leaves the inner writer open.</summary>
internal sealed class CancellableTextWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly CancellationToken _cancellationToken;

    public CancellableTextWriter(TextWriter inner, CancellationToken cancellationToken)
        : base(inner?.FormatProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _cancellationToken = cancellationToken;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _inner.Write(value);
    }

    public override void Write(string? value)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _inner.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _inner.Write(buffer);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _inner.Write(buffer, index, count);
    }

    public override void WriteLine()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _inner.WriteLine();
    }

    public override void WriteLine(string? value)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _inner.WriteLine(value);
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _inner.WriteLine(buffer);
    }

    public override void Flush()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _inner.Flush();
    }
}
