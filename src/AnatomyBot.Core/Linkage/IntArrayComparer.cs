namespace AnatomyBot.Core.Linkage;

/// <summary>Compares int arrays by content, so equal traces are built once and shared.</summary>
internal sealed class IntArrayComparer : IEqualityComparer<int[]>
{
    public static IntArrayComparer Instance { get; } = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj)
    {
        var hash = default(HashCode);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}
