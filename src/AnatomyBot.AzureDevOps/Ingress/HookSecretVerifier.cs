using System.Security.Cryptography;
using System.Text;

namespace AnatomyBot.AzureDevOps.Ingress;

/// <summary>Azure DevOps does not sign service-hook payloads, so each subscription carries a shared secret: as the
/// basic-auth password (any user name) or in a configured header. Both are compared in constant time over SHA-256
/// digests, so neither the content nor the length of the secret leaks through timing.</summary>
public sealed class HookSecretVerifier(IEnumerable<string?> secrets, string? headerName)
{
    private readonly byte[][] _secretDigests =
        [.. secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => SHA256.HashData(Encoding.UTF8.GetBytes(s!)))];

    public HookSecretVerifier(string? secret, string? headerName)
        : this([secret], headerName)
    {
    }

    public bool HasSecret => _secretDigests.Length > 0;

    /// <summary>True when the request carries a configured secret (the current one or the previous one) in the configured
    /// header or as the basic-auth password.</summary>
    public bool Verify(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!HasSecret)
        {
            return false;
        }

        var matched = false;
        if (!string.IsNullOrWhiteSpace(headerName) && TryGetHeader(headers, headerName, out var headerValue))
        {
            matched |= Matches(headerValue.Trim());
        }

        if (TryGetHeader(headers, "Authorization", out var authorization) && TryReadBasicPassword(authorization, out var password))
        {
            matched |= Matches(password);
        }

        return matched;
    }

    internal static bool TryGetHeader(IReadOnlyDictionary<string, string> headers, string name, out string value)
    {
        if (headers.TryGetValue(name, out value!))
        {
            return true;
        }

        foreach (var (key, candidate) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = "";
        return false;
    }

    private static bool TryReadBasicPassword(string authorization, out string password)
    {
        password = "";
        const string scheme = "Basic ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            password = decoded[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Every secret is compared, in constant time, whichever matches.</summary>
    private bool Matches(string candidate)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(candidate));
        var matched = false;
        foreach (var secret in _secretDigests)
        {
            matched |= CryptographicOperations.FixedTimeEquals(digest, secret);
        }

        return matched;
    }
}
