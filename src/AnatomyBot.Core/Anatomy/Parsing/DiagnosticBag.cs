namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Collects parse errors so that all of them are reported at once, capped at <see cref="ParseLimits.MaxDiagnostics"/>.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<AnatomyDiagnostic> _items = [];
    private int _dropped;

    public int Count => _items.Count + _dropped;

    public void Error(string code, string message, SourcePosition position, string? elementId = null)
    {
        if (_items.Count >= ParseLimits.MaxDiagnostics)
        {
            _dropped++;
            return;
        }

        _items.Add(new AnatomyDiagnostic(code, DiagnosticSeverity.Error, message, position, elementId));
    }

    /// <summary>The errors in file order (line, column, code), plus one line counting any that were dropped.</summary>
    public IReadOnlyList<AnatomyDiagnostic> ToSortedList()
    {
        var sorted = _items
            .OrderBy(d => d.Position.Line)
            .ThenBy(d => d.Position.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        if (_dropped > 0)
        {
            var last = sorted[^1].Position;
            sorted.Add(new AnatomyDiagnostic(
                AnatomyDiagnosticCodes.TooLarge,
                DiagnosticSeverity.Error,
                $"{_dropped} more error(s) not shown; fix the ones above first",
                last));
        }

        return sorted;
    }
}
