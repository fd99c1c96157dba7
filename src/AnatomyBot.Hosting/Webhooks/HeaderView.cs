using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace AnatomyBot.Hosting.Webhooks;

/// <summary>The request headers as the ingress wants them (names case-insensitive, repeated headers joined with a comma as
/// HTTP allows), read through instead of copied: the ingress looks up three or four headers, so a copy of all of them per
/// request was garbage.</summary>
internal sealed class HeaderView(IHeaderDictionary headers) : IReadOnlyDictionary<string, string>
{
    public int Count => headers.Count;

    public IEnumerable<string> Keys => headers.Keys;

    public IEnumerable<string> Values => headers.Values.Select(v => v.ToString());

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => headers.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (headers.TryGetValue(key, out var values))
        {
            value = values.ToString();
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
