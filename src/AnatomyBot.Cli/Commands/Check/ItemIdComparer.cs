namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Orders ids as people read them: <c>9</c> before <c>10</c>, <c>acme/shop#9</c> before <c>acme/shop#10</c>;
/// ordinal otherwise, so the order is total and stable.</summary>
internal sealed class ItemIdComparer : IComparer<string>
{
    public static ItemIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var xEnd = DigitsStart(x);
        var yEnd = DigitsStart(y);
        ReadOnlySpan<char> xPrefix = x.AsSpan(0, xEnd), yPrefix = y.AsSpan(0, yEnd);
        ReadOnlySpan<char> xNumber = x.AsSpan(xEnd).TrimStart('0'), yNumber = y.AsSpan(yEnd).TrimStart('0');
        var byPrefix = xPrefix.CompareTo(yPrefix, StringComparison.Ordinal);
        if (byPrefix != 0)
        {
            return byPrefix;
        }

        var byLength = xNumber.Length.CompareTo(yNumber.Length);
        if (byLength != 0)
        {
            return byLength;
        }

        var byNumber = xNumber.CompareTo(yNumber, StringComparison.Ordinal);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(x, y);
    }

    private static int DigitsStart(string id)
    {
        var end = id.Length;
        while (end > 0 && char.IsAsciiDigit(id[end - 1]))
        {
            end--;
        }

        return end;
    }
}
