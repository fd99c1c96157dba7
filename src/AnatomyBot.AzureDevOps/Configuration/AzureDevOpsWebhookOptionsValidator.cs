using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Refuses to receive service hooks without a secret (outside the development switch); registered by the channel
/// only, since reading Azure DevOps (<c>check</c>, <c>doctor</c>) receives none.</summary>
public sealed class AzureDevOpsWebhookOptionsValidator : IValidateOptions<AzureDevOpsOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureDevOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.WebhookSecret) && !options.AllowUnauthenticatedWebhooks
            ? ValidateOptionsResult.Fail("AzureDevOps:WebhookSecret is required (environment variable AzureDevOps__WebhookSecret); set AzureDevOps:AllowUnauthenticatedWebhooks=true only for local development.")
            : ValidateOptionsResult.Success;
    }
}
