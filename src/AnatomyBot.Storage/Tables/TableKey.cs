using System.Globalization;
using System.Text;

namespace AnatomyBot.Storage.Tables;

/// <summary>Escapes ids into Azure Table keys. Keys may not hold <c>/ \ # ?</c> or control characters; GitHub ids are
/// <c>owner/repo#45</c> and Azure DevOps area paths hold backslashes. Each such character (and the escape character
/// <c>~</c> and the key separator <c>|</c>) becomes <c>~XX</c> (hex). Reversible and order-stable for plain ids.</summary>
public static class TableKey
{
    public const char Separator = '|';

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('~').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('~', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '~' && i + 2 < key.Length)
            {
                builder.Append((char)int.Parse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Joins already-escaped parts with <see cref="Separator"/>.</summary>
    public static string Join(params string[] escapedParts) => string.Join(Separator, escapedParts);

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '~' or '|' or '%' || c < 0x20 || c is >= (char)0x7F and <= (char)0x9F;
}
