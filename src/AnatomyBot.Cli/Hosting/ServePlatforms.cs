using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Cli.Hosting;

/// <summary><c>serve</c> receives webhooks only for the platforms it is configured for; with neither webhook secret set
/// it would listen and answer 404 to every delivery, so it refuses to start and names the settings instead.</summary>
internal static class ServePlatforms
{
    public const string GitHubSecret = "GitHub:WebhookSecret";

    public const string AzureDevOpsSecret = "AzureDevOps:WebhookSecret";

    /// <summary>Throws (exit 2 through <see cref="StartupFailure"/>) when neither platform's webhook secret is set.</summary>
    public static void EnsureOneIsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[GitHubSecret]) || !string.IsNullOrWhiteSpace(configuration[AzureDevOpsSecret]))
        {
            return;
        }

        throw new OptionsValidationException(
            "serve",
            typeof(ServePlatforms),
            [
                $"no platform is configured: set {GitHubSecret} (environment GitHub__WebhookSecret) to receive GitHub webhooks on /api/github/webhooks, "
                + $"{AzureDevOpsSecret} (environment AzureDevOps__WebhookSecret) to receive Azure DevOps service hooks on /api/azure-devops/webhooks, or both "
                + "(in the environment, appsettings.json or the --config file)",
            ]);
    }
}
