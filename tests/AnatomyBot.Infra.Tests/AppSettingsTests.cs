using System.Text.RegularExpressions;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Digest;
using AnatomyBot.Functions.Configuration;
using AnatomyBot.Infra.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Infra.Tests;

/// <summary>The app settings a deployment would give the Functions app (from <c>bicep snapshot</c>) start the real
/// Functions composition: every setting its start-up validators require is present and well-formed, secrets are Key Vault
/// references and never values.</summary>
public sealed partial class AppSettingsTests
{
    /// <summary>Token-mode GitHub, PAT-mode Azure DevOps with the header secret, both digest sinks.</summary>
    private const string TokenAndPat = """
        param environmentName = 'fabrikam-prd'
        param gitHubAuth = 'Token'
        param gitHubBaseUrl = 'https://ghe.fabrikam.example/api/v3/'
        param gitHubRepositories = 'fabrikam/web'
        param enableAzureDevOps = true
        param azureDevOpsOrganizationUrl = 'https://dev.azure.com/fabrikam'
        param azureDevOpsProject = 'Web'
        param azureDevOpsAuthMode = 'Pat'
        param azureDevOpsWebhookHeader = 'X-AnatomyBot-Secret'
        param azureDevOpsBotIdentityId = '6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b'
        param azureDevOpsAnatomyRepository = 'architecture'
        param digestGitHubRepository = 'fabrikam/architecture'
        param digestAzureDevOpsWiki = 'Web.wiki'
        """;

    private const string AzureDevOpsOnly = """
        param environmentName = 'contoso-ado'
        param enableGitHub = false
        param enableAzureDevOps = true
        param azureDevOpsOrganizationUrl = 'https://dev.azure.com/contoso'
        param azureDevOpsProject = 'Onboarding'
        param azureDevOpsAuthMode = 'Entra'
        param azureDevOpsAnatomyGitHubRepository = 'contoso/architecture'
        param azureDevOpsAnatomyGitHubPrivate = true
        """;

    private const string AzureDevOpsProjects = """
        param environmentName = 'contoso-two'
        param enableGitHub = false
        param enableAzureDevOps = true
        param azureDevOpsOrganizationUrl = 'https://dev.azure.com/contoso'
        param azureDevOpsProjects = ['Onboarding', 'Payments Team']
        param azureDevOpsAuthMode = 'Pat'
        param azureDevOpsAnatomyRepository = 'architecture'
        param digestAzureDevOpsWiki = 'Onboarding.wiki'
        """;

    private static readonly string[] SecretSettings =
        ["GitHub__WebhookSecret", "GitHub__PrivateKey", "GitHub__Token", "AzureDevOps__WebhookSecret", "AzureDevOps__PersonalAccessToken", "AzureDevOps__Anatomy__GitHub__Token", "Digest__GitHub__Token", "Digest__AzureDevOps__Pat"];

    public static TheoryData<string, string?, int, int> Environments => new()
    {
        { "example (GitHub App + Azure DevOps Entra)", null, 2, 1 },
        { "GitHub token + Azure DevOps PAT + both digest sinks", TokenAndPat, 2, 2 },
        { "Azure DevOps only, anatomy on GitHub", AzureDevOpsOnly, 1, 0 },
        { "Azure DevOps with two projects", AzureDevOpsProjects, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task AppSettings_StartTheFunctionsAppWithEveryValidatorSatisfied(string environment, string? parameters, int channels, int digestSinks)
    {
        var snapshot = DeploymentSnapshot.For(parameters);
        var settings = AppSettingsConfiguration.From(snapshot.AppSettings());

        using var host = FunctionsHost(settings);
        await host.StartAsync();

        Assert.True(channels == host.Services.GetServices<IDeliveryHandler>().Count(), environment);
        Assert.True(digestSinks == host.Services.GetServices<IDigestSink>().Count(), environment);
        var sweeps = host.Services.GetServices<ISweepSource>().Select(s => s.Platform).Order(StringComparer.Ordinal).ToList();
        Assert.True(channels == sweeps.Count, environment);
        Assert.Equal(host.Services.GetServices<IDeliveryHandler>().Select(h => h.Platform).Order(StringComparer.Ordinal), sweeps);
        await host.StopAsync();
    }

    [Fact]
    public async Task AppSettings_WithoutTheSweepSchedule_AreRefusedAtStartup()
    {
        var settings = AppSettingsConfiguration.From(DeploymentSnapshot.For(null).AppSettings().Where(s => s.Name != "Sweep__Schedule"));

        using var host = FunctionsHost(settings);

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("Schedule", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppSettings_AzureDevOpsBotIdentityId_ReachesTheChannelOptionsOnlyWhenGiven()
    {
        using var given = FunctionsHost(AppSettingsConfiguration.From(DeploymentSnapshot.For(TokenAndPat).AppSettings()));
        using var absent = FunctionsHost(AppSettingsConfiguration.From(DeploymentSnapshot.For(AzureDevOpsOnly).AppSettings()));
        await given.StartAsync();
        await absent.StartAsync();

        Assert.Equal("6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b", given.Services.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value.BotIdentityId);
        Assert.Null(absent.Services.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value.BotIdentityId);
        await given.StopAsync();
        await absent.StopAsync();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Secrets_AreVersionlessKeyVaultReferencesToSecretsTheVaultHolds(string environment, string? parameters, int channels, int digestSinks)
    {
        _ = (channels, digestSinks);
        var snapshot = DeploymentSnapshot.For(parameters);
        var vault = (string)snapshot.Single("Microsoft.KeyVault/vaults")["name"]!;
        var declared = snapshot.OfType("Microsoft.KeyVault/vaults/secrets").Select(s => ((string)s["name"]!).Split('/')[1]).ToHashSet();

        var secrets = snapshot.AppSettings().Where(s => SecretSettings.Contains(s.Name)).ToList();

        Assert.NotEmpty(secrets);
        foreach (var (name, value) in secrets)
        {
            var evaluated = ArmExpression.TryEvaluate(value) ?? "";
            var secret = AppSettingsConfiguration.SecretName(evaluated);
            Assert.True(secret is not null && evaluated.Contains($"https://{vault}.vault.azure.net/", StringComparison.Ordinal), $"{environment}: {name} = {evaluated}");
            Assert.Contains(secret, declared);
        }
    }

    [Fact]
    public void SecretValues_PassedAtDeployment_NeverAppearInTheTemplateOrItsAppSettings()
    {
        var sentinels = new Dictionary<string, string>
        {
            ["ANATOMYBOT_GITHUB_WEBHOOK_SECRET"] = "sentinel-webhook-7f3a",
            ["ANATOMYBOT_GITHUB_PRIVATE_KEY"] = "sentinel-key-91bc",
            ["ANATOMYBOT_AZURE_DEVOPS_WEBHOOK_SECRET"] = "sentinel-ado-22de",
        };

        var snapshot = DeploymentSnapshot.For(null, sentinels);

        Assert.All(sentinels.Values, v => Assert.DoesNotContain(v, snapshot.Text, StringComparison.Ordinal));
        Assert.All(snapshot.AppSettings(), s => Assert.DoesNotContain("sentinel", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_HoldsTheQueueAndPoisonQueueTheCodeUsesAndTheLedgerTables()
    {
        var snapshot = DeploymentSnapshot.For(null);
        var queues = snapshot.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => ((string)q["name"]!).Split('/')[^1]);
        var tables = snapshot.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => ((string)t["name"]!).Split('/')[^1]);
        var queue = Functions.Functions.DeliveryQueueFunction.QueueName;
        var prefix = Storage.Tables.TableLedgerStore.DefaultPrefix;

        Assert.Equal([queue, queue + "-poison"], queues.Order(StringComparer.Ordinal));
        Assert.Equal([prefix + "Deliveries", prefix + "DeliveryStatus", prefix + "Evaluations", prefix + "GapEvents"], tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Identity_GetsOnlyTheFiveRolesItNeedsEachScopedToItsResource()
    {
        var snapshot = DeploymentSnapshot.For(null);
        var assignments = snapshot.OfType("Microsoft.Authorization/roleAssignments")
            .Select(r => ((string)r["properties"]!["roleDefinitionId"]!).Split('/')[^1] + " @ " + ScopeType().Match((string)r["id"]!).Groups["type"].Value)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3 @ storageAccounts", // Storage Table Data Contributor
                "3913510d-42f4-4e42-8a64-420c390055eb @ components", // Monitoring Metrics Publisher
                "4633458b-17de-408a-b874-0445c86b69e6 @ vaults", // Key Vault Secrets User
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88 @ storageAccounts", // Storage Queue Data Contributor
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b @ storageAccounts", // Storage Blob Data Owner
            ],
            assignments);
    }

    /// <summary>The resource type a role assignment is scoped to, from <c>extensionResourceId('/…/providers/NS/TYPE/NAME', …)</c>.</summary>
    [GeneratedRegex(@"^\[extensionResourceId\('[^']*/providers/[^/]+/(?<type>[^/]+)/[^/']+',")]
    private static partial Regex ScopeType();

    internal static IHost FunctionsHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAnatomyBotFunctions(builder.Configuration);
        return builder.Build();
    }
}
