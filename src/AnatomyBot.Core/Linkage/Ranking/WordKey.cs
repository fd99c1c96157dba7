using System.Runtime.Intrinsics;

namespace AnatomyBot.Core.Linkage.Ranking;

/// <summary>A short ASCII word as <see cref="WordCache"/> keys it: its characters, as written, in two vectors of eight,
/// zeros after its <see cref="Length"/>.</summary>
internal readonly struct WordKey(Vector128<ushort> low, Vector128<ushort> high, int length)
{
    public Vector128<ushort> Low { get; } = low;

    public Vector128<ushort> High { get; } = high;

    public int Length { get; } = length;
}
