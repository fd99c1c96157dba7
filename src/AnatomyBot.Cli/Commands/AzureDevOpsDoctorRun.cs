using AnatomyBot.AzureDevOps;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Doctor;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Cli.Commands;

/// <summary>The Azure DevOps part of <c>anatomybot doctor</c>: the bot's Azure DevOps client registered from the
/// <c>AzureDevOps</c> settings (no service hook is received, so the webhook secret is checked, not required).</summary>
internal static class AzureDevOpsDoctorRun
{
    /// <summary>The checks, or the exit code of a configuration they cannot run with.</summary>
    public static async Task<(int? Exit, IReadOnlyList<DoctorCheck> Checks)> RunAsync(IConfiguration configuration, Uri? serviceHookUrl, TextWriter error, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAnatomyBotAzureDevOpsClient(configuration).AddAzureDevOpsAnatomyOnGitHub();
        services.AddSingleton<AzureDevOpsDoctor>();
        await using var provider = services.BuildServiceProvider();
        AzureDevOpsOptions options;
        try
        {
            options = provider.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("anatomybot: the Azure DevOps settings are not usable: " + string.Join(" ", e.Failures));
            return (ExitCodes.InvalidInput, []);
        }

        try
        {
            return (null, await provider.GetRequiredService<AzureDevOpsDoctor>().RunAsync(serviceHookUrl, cancellationToken));
        }
        catch (Exception failure) when (failure is HttpRequestException or TransientDeliveryException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, [DoctorCheck.Fail("Azure DevOps API", $"{options.OrganizationUrl} could not be reached: {failure.Message}", "check AzureDevOps:OrganizationUrl and the network (proxy, firewall), then run doctor again")]);
        }
    }
}
