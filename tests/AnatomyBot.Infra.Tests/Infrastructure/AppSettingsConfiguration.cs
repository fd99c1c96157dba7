using System.Text.RegularExpressions;

namespace AnatomyBot.Infra.Tests.Infrastructure;

/// <summary>App settings as the Functions app would see them: names with <c>__</c> read as <c>:</c> sections, Key Vault
/// references resolved by App Service to the secret's value (here a stand-in named after the secret), expressions that
/// need the cloud evaluated for the public cloud. Settings only known after deployment (Application Insights'
/// connection string) are left out.</summary>
internal static partial class AppSettingsConfiguration
{
    public static Dictionary<string, string?> From(IEnumerable<(string Name, string Value)> settings)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in settings)
        {
            if (ArmExpression.TryEvaluate(value) is not { } evaluated)
            {
                continue;
            }

            configuration[name.Replace("__", ":", StringComparison.Ordinal)] = KeyVaultReference().Match(evaluated) is { Success: true } reference
                ? "stand-in-for-" + reference.Groups["secret"].Value
                : evaluated;
        }

        return configuration;
    }

    /// <summary>The secret name of a versionless Key Vault reference, or null when the value is not one.</summary>
    public static string? SecretName(string evaluated) =>
        KeyVaultReference().Match(evaluated) is { Success: true } m ? m.Groups["secret"].Value : null;

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=https://(?<vault>[a-z0-9-]+)\.vault\.azure\.net/secrets/(?<secret>[a-z0-9-]+)/\)$")]
    private static partial Regex KeyVaultReference();
}
