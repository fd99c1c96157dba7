using System.Text.Json.Nodes;
using AnatomyBot.Infra.Tests.Infrastructure;

namespace AnatomyBot.Infra.Tests;

/// <summary>Key properties of the ARM template compiled from <c>infra/main.bicep</c> (modules are nested in it).</summary>
public sealed class ArmTemplateTests
{
    private static readonly Lazy<JsonNode> Template = new(() => InfraBuild.Main);

    [Fact]
    public void FunctionApp_IsHttpsOnlyWithTls12AndNoFtpOrBasicAuthPublishing()
    {
        var site = ArmResources.Single(Template.Value, "Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("1.2", (string?)config["scmMinTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        var publishing = ArmResources.OfType(Template.Value, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(2, publishing.Count);
        Assert.All(publishing, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void FunctionApp_RunsTheIsolatedDotNet10WorkerOnFlexConsumptionWithASystemAssignedIdentity()
    {
        var site = ArmResources.Single(Template.Value, "Microsoft.Web/sites");
        var plan = ArmResources.Single(Template.Value, "Microsoft.Web/serverfarms");
        var app = site["properties"]!["functionAppConfig"]!;

        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("SystemAssigned", (string?)site["properties"]!["keyVaultReferenceIdentity"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("dotnet-isolated", (string?)app["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)app["runtime"]!["version"]);
        Assert.Equal("SystemAssignedIdentity", (string?)app["deployment"]!["storage"]!["authentication"]!["type"]);
    }

    [Fact]
    public void Storage_RefusesPublicBlobsSharedKeysPlainHttpAndTlsBelow12()
    {
        var account = ArmResources.Single(Template.Value, "Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.Equal("None", (string?)ArmResources.Single(Template.Value, "Microsoft.Storage/storageAccounts/blobServices/containers")["properties"]!["publicAccess"]);
    }

    [Fact]
    public void KeyVault_UsesRbacOnlyWithSoftDeleteAndPurgeProtection()
    {
        var vault = ArmResources.Single(Template.Value, "Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Null(vault["accessPolicies"]);
    }

    [Fact]
    public void Monitoring_SendsApplicationInsightsToLogAnalyticsWithoutInstrumentationKeys()
    {
        var insights = ArmResources.Single(Template.Value, "Microsoft.Insights/components")["properties"]!;

        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["WorkspaceResourceId"], StringComparison.Ordinal);
        Assert.Single(ArmResources.OfType(Template.Value, "Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void Outputs_NameTheWebhookUrlsButNoSecret()
    {
        var outputs = Template.Value["outputs"]!.AsObject();

        Assert.Contains("gitHubWebhookUrl", outputs.Select(o => o.Key));
        Assert.Contains("azureDevOpsWebhookUrl", outputs.Select(o => o.Key));
        Assert.All(outputs, o => Assert.DoesNotContain("secure", (string?)o.Value!["type"] ?? "", StringComparison.Ordinal));
    }
}
