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

        return new SortKey(x).CompareTo(new SortKey(y));
    }

    /// <summary>An id split once into its prefix and its trailing number, so sorting many ids does not split them on every
    /// comparison. Compares exactly as <see cref="Compare"/> does.</summary>
    public readonly struct SortKey : IComparable<SortKey>
    {
        private readonly string _id;
        private readonly int _digitsStart;
        private readonly int _numberStart;

        public SortKey(string id)
        {
            ArgumentNullException.ThrowIfNull(id);
            _id = id;
            _digitsStart = id.Length;
            while (_digitsStart > 0 && char.IsAsciiDigit(id[_digitsStart - 1]))
            {
                _digitsStart--;
            }

            _numberStart = _digitsStart;
            while (_numberStart < id.Length && id[_numberStart] == '0')
            {
                _numberStart++;
            }
        }

        public int CompareTo(SortKey other)
        {
            var byPrefix = _id.AsSpan(0, _digitsStart).CompareTo(other._id.AsSpan(0, other._digitsStart), StringComparison.Ordinal);
            if (byPrefix != 0)
            {
                return byPrefix;
            }

            ReadOnlySpan<char> number = _id.AsSpan(_numberStart), otherNumber = other._id.AsSpan(other._numberStart);
            var byLength = number.Length.CompareTo(otherNumber.Length);
            if (byLength != 0)
            {
                return byLength;
            }

            var byNumber = number.CompareTo(otherNumber, StringComparison.Ordinal);
            return byNumber != 0 ? byNumber : string.CompareOrdinal(_id, other._id);
        }
    }
}
