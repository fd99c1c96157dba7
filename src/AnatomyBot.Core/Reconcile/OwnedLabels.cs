using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The labels/tags the bot owns: <c>anatomy:</c> followed by a known gap code, matched case-insensitively and
/// ignoring surrounding spaces. Everything else (including <c>anatomy:exempt</c>, which people set) is never touched.</summary>
public static class OwnedLabels
{
    /// <summary>GitHub's limit on label names; every owned label fits well within it.</summary>
    public const int MaxLength = 50;

    /// <summary>True when the bot owns <paramref name="label"/>.</summary>
    public static bool IsOwned(string? label) => TryGetCode(label, out _);

    /// <summary>The gap code of an owned label (in its canonical lower-case spelling).</summary>
    public static bool TryGetCode(string? label, out string code)
    {
        code = "";
        var trimmed = label?.Trim();
        if (trimmed is null || !trimmed.StartsWith(GapCodes.LabelPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var suffix = trimmed[GapCodes.LabelPrefix.Length..];
        var known = GapCodes.All.FirstOrDefault(c => string.Equals(c, suffix, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            return false;
        }

        code = known;
        return true;
    }

    /// <summary>The canonical spelling (<c>anatomy:no-stage</c>) of an owned label; throws for labels the bot does not own.</summary>
    public static string Canonical(string label) =>
        TryGetCode(label, out var code)
            ? GapCodes.ToLabel(code)
            : throw new ArgumentException($"'{label}' is not a label the bot owns.", nameof(label));
}
