using System.Text;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>The lines of a body, kept in one reused character buffer instead of a string each: a reader of many bodies
/// clears and refills one instance, so reading lines allocates nothing once the buffer has grown.</summary>
internal sealed class TextLines
{
    private char[] _chars = new char[1024];
    private (int Start, int Length)[] _lines = new (int, int)[16];
    private int _used;

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var (start, length) = _lines[index];
            return _chars.AsSpan(start, length);
        }
    }

    public void Clear() => (Count, _used) = (0, 0);

    public void Add(ReadOnlySpan<char> line) => line.CopyTo(Reserve(line.Length));

    /// <summary>Adds <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>.</summary>
    public void Add(StringBuilder text, int start, int length) => text.CopyTo(start, Reserve(length), length);

    private Span<char> Reserve(int length)
    {
        if (_used + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + length));
        }

        if (Count == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
        }

        _lines[Count++] = (_used, length);
        _used += length;
        return _chars.AsSpan(_used - length, length);
    }
}
