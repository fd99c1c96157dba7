using System.Globalization;
using System.Text;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>One Azure DevOps REST operation the client can call: method, path template (relative to the organisation URL,
/// exactly as the published REST specification writes it after <c>/{organization}/</c>) and api-version. Every request
/// the client sends is built from one of these, so a test can check them all against the specification.</summary>
public sealed record ApiOperation(string Name, HttpMethod Method, string PathTemplate, string ApiVersion, bool IsWrite, bool IsIdempotent)
{
    internal static readonly HttpRequestOptionsKey<ApiOperation> Key = new("AnatomyBot.AzureDevOps.Operation");

    /// <summary>The request URI: placeholders in <see cref="PathTemplate"/> replaced (escaped) by <paramref name="values"/>,
    /// then the query and <c>api-version</c>.</summary>
    public Uri BuildUri(Uri organizationUrl, IReadOnlyDictionary<string, string> values, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        ArgumentNullException.ThrowIfNull(organizationUrl);
        ArgumentNullException.ThrowIfNull(values);
        var path = new StringBuilder();
        var rest = PathTemplate.AsSpan();
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            if (open < 0)
            {
                path.Append(rest);
                break;
            }

            var close = rest[open..].IndexOf('}') + open;
            path.Append(rest[..open]);
            var name = rest[(open + 1)..close].ToString();
            if (!values.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"Operation {Name} needs a value for {{{name}}}.", nameof(values));
            }

            // Escaping leaves dot segments as they are, and a URI resolves them: '..' would leave the API path.
            if (value is "." or "..")
            {
                throw new ArgumentException($"Operation {Name}: '{value}' is not a path segment for {{{name}}}.", nameof(values));
            }

            path.Append(Uri.EscapeDataString(value));
            rest = rest[(close + 1)..];
        }

        var queryText = new StringBuilder();
        foreach (var (key, value) in query ?? [])
        {
            // '$' stays literal in names ($top, $expand) as Azure DevOps documents them.
            queryText.Append(CultureInfo.InvariantCulture, $"{Uri.EscapeDataString(key).Replace("%24", "$", StringComparison.Ordinal)}={Uri.EscapeDataString(value)}&");
        }

        queryText.Append("api-version=").Append(Uri.EscapeDataString(ApiVersion));
        var root = organizationUrl.AbsoluteUri.EndsWith('/') ? organizationUrl.AbsoluteUri : organizationUrl.AbsoluteUri + "/";
        return new Uri($"{root}{path}?{queryText}", UriKind.Absolute);
    }

    public override string ToString() => $"{Method} {PathTemplate} ({ApiVersion})";
}
