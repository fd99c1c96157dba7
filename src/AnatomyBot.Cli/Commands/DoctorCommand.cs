using System.CommandLine;
using AnatomyBot.Cli.Hosting;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Doctor;
using AnatomyBot.GitHub.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot doctor [--repository owner/name…] [--webhook-url URL] [--service-hook-url URL] [--config FILE]</c>:
/// checks each configured platform's live set-up (GitHub, Azure DevOps) with the bot's own configuration and prints one
/// line per check (✔, or ✖ with the fix). Exit 0 all passed, 1 a check failed, 2 the configuration is not usable.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var repository = new Option<string[]>("--repository")
        {
            Description = "GitHub repository to check, owner/name (repeatable; default: GitHub:Repositories).",
            HelpName = "owner/name",
            AllowMultipleArgumentsPerToken = true,
        };
        var webhookUrl = new Option<string?>("--webhook-url") { Description = "The URL the App's webhook must point at (default: any URL ending in /api/github/webhooks).", HelpName = "URL" };
        var serviceHookUrl = new Option<string?>("--service-hook-url") { Description = "The URL Azure DevOps service hooks must point at (default: any URL ending in /api/azure-devops/webhooks).", HelpName = "URL" };
        var config = new Option<string?>("--config") { Description = "A JSON settings file, as for serve (environment variables are read too).", HelpName = "FILE" };
        var command = new Command("doctor", "Check a live installation: credentials and scopes, webhooks or service hooks, the required check or status policy, and the anatomy file.")
        {
            repository, webhookUrl, serviceHookUrl, config,
        };
        command.SetAction((parse, cancellationToken) => Interruption.RunAsync("doctor", token => StartupFailure.GuardAsync(
            () => RunAsync(parse.GetValue(config), parse.GetValue(repository) ?? [], parse.GetValue(webhookUrl), parse.GetValue(serviceHookUrl), Console.Out, Console.Error, token),
            Console.Error), Console.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string? configFile, string[] repositories, string? webhook, string? serviceHook, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Uri? webhookUrl = null, serviceHookUrl = null;
        if ((webhook is not null && !Uri.TryCreate(webhook, UriKind.Absolute, out webhookUrl))
            || (serviceHook is not null && !Uri.TryCreate(serviceHook, UriKind.Absolute, out serviceHookUrl)))
        {
            await error.WriteLineAsync($"anatomybot: not an absolute URL: {(webhookUrl is null && webhook is not null ? webhook : serviceHook)}");
            return ExitCodes.InvalidInput;
        }

        var builder = new ConfigurationBuilder();
        builder.AddAnatomyBotSources(new PipelineSettings { ConfigFile = configFile });
        var configuration = builder.Build();
        var github = !string.IsNullOrWhiteSpace(configuration["GitHub:AppId"]) || !string.IsNullOrWhiteSpace(configuration["GitHub:Token"]);
        var azureDevOps = !string.IsNullOrWhiteSpace(configuration["AzureDevOps:OrganizationUrl"]);
        if (!github && !azureDevOps)
        {
            await error.WriteLineAsync("anatomybot: doctor checks the platforms the bot is configured for, and finds none: for GitHub set GitHub:AppId with GitHub:PrivateKey (an App), or GitHub:Token; for Azure DevOps set AzureDevOps:OrganizationUrl, AzureDevOps:Project and AzureDevOps:PersonalAccessToken (environment GitHub__AppId, AzureDevOps__OrganizationUrl and so on, or the --config file).");
            return ExitCodes.InvalidInput;
        }

        var checks = new List<DoctorCheck>();
        if (github)
        {
            var (exit, found) = await GitHubAsync(configuration, repositories, webhookUrl, error, cancellationToken);
            if (exit is { } code)
            {
                return code;
            }

            checks.AddRange(found);
        }

        if (azureDevOps)
        {
            var (exit, found) = await AzureDevOpsDoctorRun.RunAsync(configuration, serviceHookUrl, error, cancellationToken);
            if (exit is { } code)
            {
                return code;
            }

            checks.AddRange(found);
        }

        foreach (var check in checks)
        {
            await output.WriteLineAsync(check.Passed ? $"✔ {check.Name}: {check.Finding}" : $"✖ {check.Name}: {check.Finding}. Fix: {check.Fix}");
        }

        return checks.All(c => c.Passed) ? ExitCodes.Success : ExitCodes.Findings;
    }

    /// <summary>The GitHub checks, or the exit code of a configuration they cannot run with.</summary>
    private static async Task<(int? Exit, IReadOnlyList<DoctorCheck> Checks)> GitHubAsync(IConfiguration configuration, string[] repositories, Uri? webhookUrl, TextWriter error, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAnatomyBotGitHub(configuration);
        services.AddSingleton<GitHubDoctor>();
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<GitHubOptions>>().Value;
        var names = repositories.Length > 0 ? repositories : (options.Repositories ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = names.Select(n => (Name: n, Id: RepositoryId.TryParse(n))).ToList();
        if (ids.Count == 0 || ids.Any(i => i.Id is null))
        {
            var bad = ids.Where(i => i.Id is null).Select(i => i.Name).ToList();
            await error.WriteLineAsync(bad.Count > 0
                ? $"anatomybot: not a repository (owner/name): {string.Join(", ", bad)}"
                : "anatomybot: name the repositories to check with --repository owner/name, or set GitHub:Repositories.");
            return (ExitCodes.InvalidInput, []);
        }

        IReadOnlyList<DoctorCheck> checks;
        try
        {
            checks = await provider.GetRequiredService<GitHubDoctor>().RunAsync([.. ids.Select(i => i.Id!)], webhookUrl, cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or TransientDeliveryException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            checks = [DoctorCheck.Fail("GitHub API", $"{options.BaseUrl} could not be reached: {failure.Message}", "check GitHub:BaseUrl and the network (proxy, firewall), then run doctor again")];
        }

        return (null, checks);
    }
}
