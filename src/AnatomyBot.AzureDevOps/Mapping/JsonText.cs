using System.Text;
using System.Text.Json;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>Reads JSON values as text the way <see cref="ItemJson.AsText"/> does (strings, numbers as written,
/// booleans; anything else absent and skipped), straight from a <see cref="Utf8JsonReader"/>.</summary>
internal static class JsonText
{
    /// <summary>Reads two text properties of the object the reader is at (the last occurrence of each wins), skipping
    /// the others; the reader ends on the object's end. A value read with a cache comes from it when short.</summary>
    public static (TextSlot First, TextSlot Second) ReadTwo(ref Utf8JsonReader reader, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second,
        Utf8StringCache? firstCache = null, Utf8StringCache? secondCache = null)
    {
        TextSlot a = default, b = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(first))
            {
                a = Value(ref reader, firstCache);
            }
            else if (!second.IsEmpty && reader.ValueTextEquals(second))
            {
                b = Value(ref reader, secondCache);
            }
            else
            {
                reader.Read();
                _ = reader.TrySkip();
            }
        }

        return (a, b);
    }

    /// <summary>Reads the value after a property name as text (<see cref="ItemJson.AsText"/>'s rules); objects and arrays
    /// are skipped and read as absent. With <paramref name="cache"/>, a short string comes from it (a value that repeats
    /// across items is one string).</summary>
    public static TextSlot Value(ref Utf8JsonReader reader, Utf8StringCache? cache = null)
    {
        reader.Read();
        return Text(ref reader, cache);
    }

    public static TextSlot Text(ref Utf8JsonReader reader, Utf8StringCache? cache = null)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (cache is not null && Cached(ref reader, cache) is { } cached)
                {
                    return new TextSlot(cached, false);
                }

                try
                {
                    return new TextSlot(reader.GetString(), false);
                }
                catch (InvalidOperationException)
                {
                    return new TextSlot(null, true);
                }

            case JsonTokenType.Number:
                return new TextSlot(
                    cache is not null && reader.ValueSpan.Length <= Utf8StringCache.MaxLength
                        ? cache.Get(reader.ValueSpan)
                        : Encoding.UTF8.GetString(reader.ValueSpan),
                    false);
            case JsonTokenType.True:
                return new TextSlot("true", false);
            case JsonTokenType.False:
                return new TextSlot("false", false);
            default:
                _ = reader.TrySkip();
                return default;
        }
    }

    /// <summary>A short string value from <paramref name="cache"/> (unescaped first: area paths carry backslashes); null
    /// when it is long, split across buffers, or not valid UTF-8 (then it is read the usual way).</summary>
    private static string? Cached(ref Utf8JsonReader reader, Utf8StringCache cache)
    {
        if (reader.HasValueSequence || reader.ValueSpan.Length > Utf8StringCache.MaxLength)
        {
            return null;
        }

        if (!reader.ValueIsEscaped)
        {
            return cache.Get(reader.ValueSpan);
        }

        Span<byte> unescaped = stackalloc byte[Utf8StringCache.MaxLength];
        try
        {
            return cache.Get(unescaped[..reader.CopyString(unescaped)]);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Reads the value after a property name into <paramref name="body"/> (text as <see cref="Value"/> reads it), or
    /// notes where a string value lies when the body defers strings and the value cannot fail to decode.</summary>
    public static TextSlot Buffered(ref Utf8JsonReader reader, BodyBuffer body)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            var slot = Text(ref reader);
            var text = slot.Text ?? "";
            text.CopyTo(body.Reserve(text.Length));
            body.Commit(text.Length);
            return slot with { Text = null };
        }

        if (body.DefersStrings && Deferrable(ref reader, int.MaxValue) is { } token)
        {
            body.Defer(token);
            return default;
        }

        var room = body.Reserve(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
        try
        {
            body.Commit(reader.CopyString(room));
            return default;
        }
        catch (InvalidOperationException)
        {
            body.Clear();
            return new TextSlot(null, true);
        }
    }

    /// <summary>The string token the reader is at, when it decodes without fail (given UTF-8, which the caller checks)
    /// to at most <paramref name="maxChars"/> characters; null for anything else, to be read at once.</summary>
    public static JsonStringToken? Deferrable(ref Utf8JsonReader reader, int maxChars) =>
        reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && reader.ValueSpan.Length <= maxChars
        && (!reader.ValueIsEscaped || !JsonStringToken.MayFail(reader.ValueSpan))
            ? new JsonStringToken(checked((int)reader.TokenStartIndex), reader.ValueSpan.Length + 2, reader.ValueIsEscaped)
            : null;

    public static string? SkipValue(ref Utf8JsonReader reader)
    {
        _ = reader.TrySkip();
        return null;
    }

    public static string KindName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };
}
