using System.Text;
using System.Text.Json;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>Where a JSON string token lies in a reader's data (<paramref name="Start"/> at its opening quote,
/// <paramref name="Length"/> bytes with both quotes), and whether it holds escapes: a value read in one thread's pass and
/// decoded by another (<see cref="AzureDevOpsItemReader.DeferredBody"/>). Only tokens that cannot fail to decode are
/// noted so: valid UTF-8 (the caller checks the entry they are in) and no escaped surrogate (<see cref="MayFail"/>).
/// <see cref="AzureDevOpsItemReader.DeferredTitle"/> is another.</summary>
public readonly record struct JsonStringToken(int Start, int Length, bool IsEscaped)
{
    /// <summary>Decodes <paramref name="token"/> (the string token's bytes, quotes included) into
    /// <paramref name="destination"/> (room for one character per byte is enough) as
    /// <see cref="Utf8JsonReader.CopyString(Span{char})"/> does; the characters written.</summary>
    public static int Decode(ReadOnlySpan<byte> token, bool isEscaped, Span<char> destination)
    {
        if (!isEscaped)
        {
            return Encoding.UTF8.GetChars(token[1..^1], destination);
        }

        var reader = new Utf8JsonReader(token);
        reader.Read();
        return reader.CopyString(destination);
    }

    /// <summary><paramref name="token"/> (quotes included) as a string, as <see cref="Utf8JsonReader.GetString"/> reads it.</summary>
    public static string ToText(ReadOnlySpan<byte> token, bool isEscaped)
    {
        if (!isEscaped)
        {
            return Encoding.UTF8.GetString(token[1..^1]);
        }

        var reader = new Utf8JsonReader(token);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>Whether an escaped value may hold an escaped surrogate (<c>\uD800</c>–<c>\uDFFF</c>), which decodes only
    /// when paired (<see cref="Utf8JsonReader.CopyString(Span{char})"/> throws otherwise). Errs towards true: such a value
    /// is decoded at once, as any other.</summary>
    internal static bool MayFail(ReadOnlySpan<byte> value)
    {
        for (var at = value.IndexOf("\\u"u8); at >= 0; at = value.IndexOf("\\u"u8))
        {
            value = value[(at + 2)..];
            if (value.Length > 0 && (value[0] | 0x20) == 'd')
            {
                return true;
            }
        }

        return false;
    }
}
