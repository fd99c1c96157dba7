using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AnatomyBot.GitHub.Auth;

namespace AnatomyBot.GitHub.Tests;

public sealed class AppJwtTests
{
    [Fact]
    public void Create_AppIdAndKey_Rs256SignedWithIat60sBackAndExpWithin10Minutes()
    {
        using var key = RSA.Create(2048);
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

        var jwt = AppJwt.Create("12345", AppJwt.LoadKey(key.ExportRSAPrivateKeyPem()), now);

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Decode(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        using var payload = JsonDocument.Parse(Decode(parts[1]));
        Assert.Equal("12345", payload.RootElement.GetProperty("iss").GetString());
        var iat = payload.RootElement.GetProperty("iat").GetInt64();
        var exp = payload.RootElement.GetProperty("exp").GetInt64();
        Assert.Equal(now.ToUnixTimeSeconds() - 60, iat);
        Assert.True(exp > now.ToUnixTimeSeconds() && exp - now.ToUnixTimeSeconds() <= 600);
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void LoadKey_Pkcs8OrEscapedNewlines_LoadsTheKey()
    {
        using var key = RSA.Create(2048);
        using var pkcs8 = AppJwt.LoadKey(key.ExportPkcs8PrivateKeyPem());
        using var escaped = AppJwt.LoadKey(key.ExportRSAPrivateKeyPem().Replace("\n", "\\n", StringComparison.Ordinal));
        Assert.Equal(key.ExportParameters(false).Modulus, escaped.ExportParameters(false).Modulus);
        Assert.Equal(key.ExportParameters(false).Modulus, pkcs8.ExportParameters(false).Modulus);
    }

    private static byte[] Decode(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
