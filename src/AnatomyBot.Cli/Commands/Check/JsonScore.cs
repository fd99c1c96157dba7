using System.Globalization;
using System.Text.Json;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Writes a suggestion's score as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> does
/// (the shortest text that reads back as the same number: <c>8.087</c>, <c>8.1</c>, <c>10</c>), without the general
/// formatting of a double, which took about a third of writing the report. A score is rounded to three decimals, so it
/// is the number nearest a whole count of thousandths, and below <see cref="Limit"/> that count's digits are its
/// shortest text. Any other value (negative, not finite, too large, not such a count) goes to the writer as before.</summary>
internal static class JsonScore
{
    /// <summary>Below this, numbers a thousandth apart are far more than a double's precision apart.</summary>
    public const double Limit = 1e9;

    /// <summary>The longest text <see cref="TryFormat"/> writes: nine digits, a point and three decimals.</summary>
    public const int MaxLength = 13;

    public static void Write(Utf8JsonWriter json, JsonEncodedText name, double score)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        if (TryFormat(score, text, out var length))
        {
            json.WritePropertyName(name);
            json.WriteRawValue(text[..length], skipInputValidation: true);
        }
        else
        {
            json.WriteNumber(name, score);
        }
    }

    /// <summary>The shortest text of <paramref name="value"/> when it is the double nearest a whole number of
    /// thousandths in [0, <see cref="Limit"/>); false for anything else.</summary>
    public static bool TryFormat(double value, Span<byte> destination, out int written)
    {
        written = 0;
        if (double.IsNegative(value) || !(value < Limit) || destination.Length < MaxLength)
        {
            return false;
        }

        var thousandths = Math.Round(value * 1000);
        if (thousandths / 1000 != value)
        {
            return false;
        }

        var count = (long)thousandths;
        if (!(count / 1000).TryFormat(destination, out written, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        var fraction = (int)(count % 1000);
        if (fraction != 0)
        {
            destination[written++] = (byte)'.';
            for (var unit = 100; fraction != 0; unit /= 10)
            {
                destination[written++] = (byte)('0' + (fraction / unit));
                fraction %= unit;
            }
        }

        return true;
    }
}
