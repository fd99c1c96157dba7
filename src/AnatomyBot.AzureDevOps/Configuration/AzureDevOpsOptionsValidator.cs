using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Refuses to start with a configuration that cannot work: no webhook secret (outside the development switch),
/// no organisation URL or project, a PAT mode without a token, or an anatomy source that is missing or ambiguous.</summary>
public sealed class AzureDevOpsOptionsValidator : IValidateOptions<AzureDevOpsOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureDevOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.WebhookSecret) && !options.AllowUnauthenticatedWebhooks)
        {
            failures.Add("AzureDevOps:WebhookSecret is required (environment variable AzureDevOps__WebhookSecret); set AzureDevOps:AllowUnauthenticatedWebhooks=true only for local development.");
        }

        if (options.OrganizationUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("AzureDevOps:OrganizationUrl must be an absolute http(s) URL, e.g. https://dev.azure.com/contoso.");
        }

        if (string.IsNullOrWhiteSpace(options.Project))
        {
            failures.Add("AzureDevOps:Project is required.");
        }

        if (options.AuthMode == AzureDevOpsAuthMode.Pat && string.IsNullOrWhiteSpace(options.PersonalAccessToken))
        {
            failures.Add("AzureDevOps:PersonalAccessToken is required when AzureDevOps:AuthMode is Pat.");
        }

        ValidateAnatomy(options.Anatomy, failures);
        if (options.MaxRetries is < 0 or > 10 || options.MaxInlineWaitSeconds is < 0 or > 300 || options.MaxDependants < 0)
        {
            failures.Add("AzureDevOps:MaxRetries must be 0..10, MaxInlineWaitSeconds 0..300 and MaxDependants at least 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAnatomy(AnatomySourceOptions anatomy, List<string> failures)
    {
        var hasRepository = !string.IsNullOrWhiteSpace(anatomy.Repository);
        var hasLocal = !string.IsNullOrWhiteSpace(anatomy.LocalPath);
        if (hasRepository == hasLocal)
        {
            failures.Add("Set exactly one of AzureDevOps:Anatomy:Repository (with Path) and AzureDevOps:Anatomy:LocalPath.");
        }

        if (hasRepository && string.IsNullOrWhiteSpace(anatomy.Path))
        {
            failures.Add("AzureDevOps:Anatomy:Path is required with AzureDevOps:Anatomy:Repository.");
        }

        if (anatomy.CacheSeconds < 0)
        {
            failures.Add("AzureDevOps:Anatomy:CacheSeconds must be at least 0.");
        }
    }
}
