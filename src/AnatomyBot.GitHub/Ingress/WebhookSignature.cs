using System.Security.Cryptography;
using System.Text;

namespace AnatomyBot.GitHub.Ingress;

/// <summary><c>X-Hub-Signature-256</c>: <c>sha256=</c> + hex HMAC-SHA256 of the raw body, compared in constant time.</summary>
public static class WebhookSignature
{
    private const string Prefix = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    /// <summary><c>sha256=</c> and 64 hexadecimal digits: a header worth reading the body for.</summary>
    public static bool IsWellFormed(string? header)
    {
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return TryRead(header, given);
    }

    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!TryRead(header, given))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static bool TryRead(string? header, Span<byte> given)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = header.AsSpan(Prefix.Length).Trim();
        return hex.Length == HMACSHA256.HashSizeInBytes * 2
            && Convert.FromHexString(hex, given, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == given.Length;
    }
}
