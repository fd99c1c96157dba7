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

/// <summary><c>anatomybot doctor [--repository owner/name…] [--webhook-url URL] [--config FILE]</c>: checks a live GitHub
/// set-up with the bot's own configuration and prints one line per check (✔, or ✖ with the fix). Exit 0 all passed,
/// 1 a check failed, 2 the configuration is not usable.</summary>
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
        var config = new Option<string?>("--config") { Description = "A JSON settings file, as for serve (environment variables are read too).", HelpName = "FILE" };
        var command = new Command("doctor", "Check a live installation: credential, App permissions and webhook events, webhook, branch protection requiring anatomy, and the anatomy file.")
        {
            repository, webhookUrl, config,
        };
        command.SetAction((parse, cancellationToken) => StartupFailure.GuardAsync(
            () => RunAsync(parse.GetValue(config), parse.GetValue(repository) ?? [], parse.GetValue(webhookUrl), Console.Out, Console.Error, cancellationToken),
            Console.Error));
        return command;
    }

    internal static async Task<int> RunAsync(string? configFile, string[] repositories, string? webhook, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Uri? webhookUrl = null;
        if (webhook is not null && !Uri.TryCreate(webhook, UriKind.Absolute, out webhookUrl))
        {
            await error.WriteLineAsync($"anatomybot: --webhook-url is not an absolute URL: {webhook}");
            return ExitCodes.InvalidInput;
        }

        var builder = new ConfigurationBuilder();
        builder.AddAnatomyBotSources(new PipelineSettings { ConfigFile = configFile });
        var configuration = builder.Build();
        if (string.IsNullOrWhiteSpace(configuration["GitHub:AppId"]) && string.IsNullOrWhiteSpace(configuration["GitHub:Token"]))
        {
            await error.WriteLineAsync("anatomybot: doctor checks a GitHub set-up: set GitHub:AppId with GitHub:PrivateKey (an App), or GitHub:Token (environment GitHub__AppId, GitHub__PrivateKey, GitHub__Token, or the --config file).");
            return ExitCodes.InvalidInput;
        }

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
            return ExitCodes.InvalidInput;
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

        foreach (var check in checks)
        {
            await output.WriteLineAsync(check.Passed ? $"✔ {check.Name}: {check.Finding}" : $"✖ {check.Name}: {check.Finding}. Fix: {check.Fix}");
        }

        return checks.All(c => c.Passed) ? ExitCodes.Success : ExitCodes.Findings;
    }
}
