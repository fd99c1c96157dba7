namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Hard limits that keep hostile input (deep nesting, huge documents) cheap to refuse.</summary>
internal static class ParseLimits
{
    /// <summary>Deepest nesting of mappings and lists; a real anatomy needs about 8.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most YAML nodes in one file; a 1,000-component anatomy needs about 30,000.</summary>
    public const int MaxNodes = 250_000;

    /// <summary>Most characters of text (10 MiB).</summary>
    public const int MaxChars = 10 * 1024 * 1024;

    /// <summary>After this many errors the rest are summarised in one line.</summary>
    public const int MaxDiagnostics = 200;
}
