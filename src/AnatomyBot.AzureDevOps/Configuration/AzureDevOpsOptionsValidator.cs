using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Refuses to start with a configuration the client cannot work with: no organisation URL, no project or both
/// <c>Project</c> and <c>Projects</c>, a project name Azure DevOps would not allow, a PAT mode
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

        ValidateProjects(options, failures);

        if (options.AuthMode == AzureDevOpsAuthMode.Pat && string.IsNullOrWhiteSpace(options.PersonalAccessToken))
        {
            failures.Add("AzureDevOps:PersonalAccessToken is required when AzureDevOps:AuthMode is Pat.");
        }

        ValidateAnatomies(options, failures);
        if (!string.IsNullOrWhiteSpace(options.BotIdentityId) && !Guid.TryParse(options.BotIdentityId, out _))
        {
            failures.Add("AzureDevOps:BotIdentityId must be a GUID: the createdBy id of the bot's anatomybot/linkage statuses, or leave it unset.");
        }

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

    private static void ValidateProjects(AzureDevOpsOptions options, List<string> failures)
    {
        var listed = options.Projects.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (listed.Count > 0 && !string.IsNullOrWhiteSpace(options.Project))
        {
            failures.Add("Set AzureDevOps:Projects (a list) or AzureDevOps:Project (one project), not both: remove AzureDevOps:Project and list every project under AzureDevOps:Projects.");
        }
        else if (options.ConfiguredProjects.Count == 0)
        {
            failures.Add("AzureDevOps:Projects (or AzureDevOps:Project for one project) is required.");
        }

        if (listed.Count != options.Projects.Count)
        {
            failures.Add("AzureDevOps:Projects has an empty entry.");
        }

        foreach (var project in options.ConfiguredProjects.Where(p => !ProjectName.Is(p)))
        {
            failures.Add($"AzureDevOps:Projects: '{ProjectName.Shown(project)}' is not a project name: {ProjectName.Rule}.");
        }

        if (options.ConfiguredProjects.Count > 1 && options.ConfiguredProjects.FirstOrDefault(p => Guid.TryParse(p, out _)) is { } id)
        {
            failures.Add($"AzureDevOps:Projects: name each project by its name when there are several ('{id}' is an id): work items carry their project's name only.");
        }
    }

    private static void ValidateAnatomies(AzureDevOpsOptions options, List<string> failures)
    {
        var global = options.Anatomy;
        var ownSources = global.Projects;
        var everyProjectHasItsOwn = options.ConfiguredProjects.Count > 0 && options.ConfiguredProjects.All(ownSources.ContainsKey);
        if (global.Kind != AnatomySourceKind.None || !everyProjectHasItsOwn)
        {
            ValidateAnatomy(global, "AzureDevOps:Anatomy", failures);
        }

        foreach (var (project, source) in ownSources)
        {
            var prefix = $"AzureDevOps:Anatomy:Projects:{ProjectName.Shown(project)}";
            if (!options.IsConfigured(project))
            {
                failures.Add($"{prefix} names a project that is not in AzureDevOps:Projects.");
            }

            if (source.Projects.Count > 0)
            {
                failures.Add($"{prefix}:Projects is not read: a project's anatomy source cannot have projects of its own.");
            }

            ValidateAnatomy(source, prefix, failures);
        }
    }

    private static void ValidateAnatomy(AnatomySourceOptions anatomy, string prefix, List<string> failures)
    {
        var kind = anatomy.Kind;
        if (kind is AnatomySourceKind.None or AnatomySourceKind.Ambiguous)
        {
            failures.Add($"Set exactly one of {prefix}:Repository (Azure Repos), {prefix}:GitHub:Repository and {prefix}:LocalPath.");
        }

        if (kind is AnatomySourceKind.AzureRepos or AnatomySourceKind.GitHub && string.IsNullOrWhiteSpace(anatomy.Path.Trim('/')))
        {
            failures.Add($"{prefix}:Path is required with a repository source.");
        }

        if (kind == AnatomySourceKind.GitHub)
        {
            if (!anatomy.GitHub.TrySplitRepository(out _, out _))
            {
                failures.Add($"{prefix}:GitHub:Repository must be owner/name, e.g. contoso/architecture.");
            }

            if (anatomy.GitHub.BaseUrl is { } url && !ApiAddress.IsAcceptable(url))
            {
                failures.Add($"{prefix}:GitHub:BaseUrl must be {ApiAddress.Rule}, e.g. https://github.contoso.com/api/v3/.");
            }
        }

        if (anatomy.CacheSeconds < 0)
        {
            failures.Add($"{prefix}:CacheSeconds must be at least 0.");
        }
    }
}
