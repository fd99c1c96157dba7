using System.Text;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>What the readers of an item's text reuse from one item to the next: its lines, the line being built, the
/// diagnostics of reading it, the references found in it, and the strings of ids read before. Part of a worker's
/// scratch; one item at a time, never two threads at once. What it holds is valid until its next item.</summary>
internal sealed class TextScratch
{
    /// <summary>A line builder that grew past this for one large body is not kept for the next.</summary>
    private const int MaxKeptLineCapacity = 16 * 1024;

    private StringBuilder _line = new(256);

    public TextLines Lines { get; } = new();

    /// <summary>Problems found while reading the body (a parser that gave up, HTML too large for a full parser).</summary>
    public List<string> Diagnostics { get; } = [];

    /// <summary>The references the item makes by itself, as written.</summary>
    public List<ElementReference> References { get; } = [];

    public IdStrings Ids { get; } = new();

    /// <summary>The builder of the line being read, empty.</summary>
    public StringBuilder Line()
    {
        if (_line.Capacity > MaxKeptLineCapacity)
        {
            _line = new StringBuilder(256);
        }

        _line.Clear();
        return _line;
    }
}
