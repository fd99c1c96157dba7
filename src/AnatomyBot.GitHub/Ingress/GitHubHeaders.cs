namespace AnatomyBot.GitHub.Ingress;

/// <summary>The webhook request headers the bot reads, looked up case-insensitively whatever dictionary the host passes.</summary>
internal static class GitHubHeaders
{
    public const string Event = "X-GitHub-Event";
    public const string Delivery = "X-GitHub-Delivery";
    public const string Signature256 = "X-Hub-Signature-256";

    public static string? Find(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (headers.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, candidate) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }
}
