using AnatomyBot.Core.Pipeline;
using AnatomyBot.Infra.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Infra.Tests.Workflows;

/// <summary><c>azure.yaml</c>: <c>azd up</c> provisions <c>infra/</c> with the environment-driven parameters and
/// deploys <c>src/AnatomyBot.Functions</c> to the Functions app it finds by the <c>azd-service-name</c> tag.</summary>
public sealed class AzdTests
{
    /// <summary>What azd and a GitHub App installation would put in the environment.</summary>
    private static readonly Dictionary<string, string> AzdEnvironment = new()
    {
        ["AZURE_ENV_NAME"] = "contoso-azd",
        ["ANATOMYBOT_GITHUB_APP_ID"] = "123456",
        ["ANATOMYBOT_GITHUB_REPOSITORIES"] = "contoso/onboarding",
        ["ANATOMYBOT_GITHUB_WEBHOOK_SECRET"] = "azd-webhook-secret-not-real",
        ["ANATOMYBOT_GITHUB_PRIVATE_KEY"] = "azd-private-key-not-real",
    };

    [Fact]
    public void AzureYaml_ProvisionsInfraWithBicepAndDeploysTheFunctionsProjectAsAFunctionApp()
    {
        var azure = YamlFile.Load(Path.Combine(InfraPaths.Root, "azure.yaml"));
        var infra = azure.Map("infra");
        var service = Assert.Single(azure.Map("services").Entries());

        Assert.Equal("bicep", infra.Text("provider"));
        // azd prefers <module>.bicepparam to <module>.bicep; the parameters file must deploy main.bicep.
        var parameters = Path.Combine(InfraPaths.Root, infra.Text("path")!, infra.Text("module") + ".bicepparam");
        Assert.True(File.Exists(parameters), $"{parameters} does not exist");
        Assert.Contains("using 'main.bicep'", File.ReadAllLines(parameters));
        Assert.Equal(("function", "dotnet", "src/AnatomyBot.Functions"), (service.Value.Text("host"), service.Value.Text("language"), service.Value.Text("project")));
        Assert.True(File.Exists(Path.Combine(InfraPaths.Root, "src", "AnatomyBot.Functions", "AnatomyBot.Functions.csproj")));
    }

    [Fact]
    public void EnvironmentParameters_TagOnlyTheFunctionAppWithTheServiceName()
    {
        var serviceName = Assert.Single(YamlFile.Load(Path.Combine(InfraPaths.Root, "azure.yaml")).Map("services").Entries()).Key;

        var snapshot = EnvironmentSnapshot();

        var tagged = snapshot.Resources.Where(r => (string?)r["tags"]?["azd-service-name"] is not null).ToList();
        var site = Assert.Single(tagged);
        Assert.Equal("Microsoft.Web/sites", (string?)site["type"]);
        Assert.Equal(serviceName, (string?)site["tags"]!["azd-service-name"]);
        Assert.StartsWith("func-anatomybot-contoso-azd-", (string?)site["name"], StringComparison.Ordinal);
        Assert.DoesNotContain("azd-webhook-secret-not-real", snapshot.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("azd-private-key-not-real", snapshot.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentParameters_AppSettingsStartTheFunctionsApp()
    {
        var settings = AppSettingsConfiguration.From(EnvironmentSnapshot().AppSettings());

        using var host = AppSettingsTests.FunctionsHost(settings);
        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Platforms.GitHub], host.Services.GetServices<IDeliveryHandler>().Select(h => h.Platform));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static DeploymentSnapshot EnvironmentSnapshot()
    {
        var body = File.ReadAllLines(Path.Combine(InfraPaths.Infra, "environment.bicepparam")).Where(l => !l.StartsWith("using ", StringComparison.Ordinal));
        return DeploymentSnapshot.For(string.Join('\n', body), AzdEnvironment);
    }
}
