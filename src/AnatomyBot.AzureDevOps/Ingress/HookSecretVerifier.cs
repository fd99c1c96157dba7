using System.Security.Cryptography;
using System.Text;

namespace AnatomyBot.AzureDevOps.Ingress;

/// <summary>Azure DevOps does not sign service-hook payloads, so each subscription carries a shared secret: as the
/// basic-auth password (any user name) or in a configured header. Both are compared in constant time over SHA-256
/// digests, so neither the content nor the length of the secret leaks through timing.</summary>
public sealed class HookSecretVerifier(string? secret, string? headerName)
{
    private readonly byte[]? _secretDigest = string.IsNullOrEmpty(secret) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public bool HasSecret => _secretDigest is not null;

    /// <summary>True when the request carries the secret in the configured header or as the basic-auth password.</summary>
    public bool Verify(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (_secretDigest is null)
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

    private bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _secretDigest);
}
