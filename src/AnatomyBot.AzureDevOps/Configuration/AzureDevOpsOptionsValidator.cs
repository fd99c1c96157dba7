using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Refuses to start with a configuration the client cannot work with: no organisation URL or project, a PAT mode
/// without a token, an anatomy source that is missing, ambiguous or malformed, or bounds out of range. The channel adds
/// <see cref="AzureDevOpsWebhookOptionsValidator"/> for the service hooks' secret.</summary>
public sealed class AzureDevOpsOptionsValidator : IValidateOptions<AzureDevOpsOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureDevOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!ApiAddress.IsAcceptable(options.OrganizationUrl))
        {
            failures.Add($"AzureDevOps:OrganizationUrl must be {ApiAddress.Rule}, e.g. https://dev.azure.com/contoso.");
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

        if (options.MaxSweepWorkItems < 0 || options.MaxSweepPullRequests < 0)
        {
            failures.Add("AzureDevOps:MaxSweepWorkItems and AzureDevOps:MaxSweepPullRequests must be at least 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAnatomy(AnatomySourceOptions anatomy, List<string> failures)
    {
        var kind = anatomy.Kind;
        if (kind is AnatomySourceKind.None or AnatomySourceKind.Ambiguous)
        {
            failures.Add("Set exactly one of AzureDevOps:Anatomy:Repository (Azure Repos), AzureDevOps:Anatomy:GitHub:Repository and AzureDevOps:Anatomy:LocalPath.");
        }

        if (kind is AnatomySourceKind.AzureRepos or AnatomySourceKind.GitHub && string.IsNullOrWhiteSpace(anatomy.Path.Trim('/')))
        {
            failures.Add("AzureDevOps:Anatomy:Path is required with a repository source.");
        }

        if (kind == AnatomySourceKind.GitHub)
        {
            if (!anatomy.GitHub.TrySplitRepository(out _, out _))
            {
                failures.Add("AzureDevOps:Anatomy:GitHub:Repository must be owner/name, e.g. contoso/architecture.");
            }

            if (anatomy.GitHub.BaseUrl is { } url && !ApiAddress.IsAcceptable(url))
            {
                failures.Add($"AzureDevOps:Anatomy:GitHub:BaseUrl must be {ApiAddress.Rule}, e.g. https://github.contoso.com/api/v3/.");
            }
        }

        if (anatomy.CacheSeconds < 0)
        {
            failures.Add("AzureDevOps:Anatomy:CacheSeconds must be at least 0.");
        }
    }
}
