namespace AnatomyBot.Core.Linkage.Text;

/// <summary>FNV-1a (32 bits), the one hash of the engine's and the mappers' lookup tables of short text: cheap on short
/// keys, and computable a character at a time while a word is being read (the term table hashes each word as it
/// lower-cases it). Not for anything an attacker must not collide: the tables that use it are bounded caches or
/// verify every match.</summary>
public static class Fnv1a
{
    /// <summary>The hash of nothing, where every hash starts.</summary>
    public const uint Seed = 2166136261;

    private const uint Prime = 16777619;

    /// <summary>The hash after one more character.</summary>
    public static uint Step(uint hash, char c) => (hash ^ c) * Prime;

    /// <summary>The hash after one more byte.</summary>
    public static uint Step(uint hash, byte b) => (hash ^ b) * Prime;

    public static uint Of(ReadOnlySpan<char> text)
    {
        var hash = Seed;
        foreach (var c in text)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    public static uint Of(ReadOnlySpan<byte> utf8)
    {
        var hash = Seed;
        foreach (var b in utf8)
        {
            hash = Step(hash, b);
        }

        return hash;
    }
}
