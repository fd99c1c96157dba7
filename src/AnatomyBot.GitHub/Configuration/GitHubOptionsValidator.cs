using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Configuration;

/// <summary>Refuses to start without a webhook secret (unless the explicit development switch is set), with half an App
/// configuration, or with an unusable base address.</summary>
public sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.WebhookSecret) && !options.AllowUnsignedWebhooks)
        {
            failures.Add("GitHub:WebhookSecret is required (environment variable GitHub__WebhookSecret). "
                + "Set GitHub:AllowUnsignedWebhooks=true only for local development.");
        }

        var hasKey = !string.IsNullOrWhiteSpace(options.PrivateKey) || !string.IsNullOrWhiteSpace(options.PrivateKeyPath);
        if (options.UsesApp && !hasKey)
        {
            failures.Add("GitHub:AppId is set but neither GitHub:PrivateKey nor GitHub:PrivateKeyPath is.");
        }

        if (!options.UsesApp && hasKey)
        {
            failures.Add("GitHub:PrivateKey is set but GitHub:AppId is not.");
        }

        if (options.MergeGate is not ("check-run" or "status"))
        {
            failures.Add("GitHub:MergeGate must be check-run (the anatomy check run; needs a GitHub App) or status (the anatomy commit status; works with a token).");
        }

        if (options.UsesApp && !long.TryParse(options.AppId, out _))
        {
            failures.Add("GitHub:AppId must be the numeric App id.");
        }

        if (!Core.Pipeline.ApiAddress.IsAcceptable(options.BaseUrl))
        {
            failures.Add($"GitHub:BaseUrl must be {Core.Pipeline.ApiAddress.Rule}.");
        }

        if (string.IsNullOrWhiteSpace(options.AnatomyPath))
        {
            failures.Add("GitHub:AnatomyPath must not be empty.");
        }

        foreach (var entry in options.RepositoryEntries().Where(e => Events.RepositoryId.TryParse(e) is not { } r || r.Name.Contains('/', StringComparison.Ordinal)))
        {
            failures.Add($"GitHub:Repositories: '{entry}' is not owner/name.");
        }

        if (!Events.RepositoryId.IsRepositoryName(options.OrganizationConfigRepository))
        {
            failures.Add("GitHub:OrganizationConfigRepository must be a repository name (letters, digits, '.', '_', '-'; not '.' or '..'), e.g. .github.");
        }

        if (options.MaxInlineRetryWait < TimeSpan.Zero)
        {
            failures.Add("GitHub:MaxInlineRetryWait must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
