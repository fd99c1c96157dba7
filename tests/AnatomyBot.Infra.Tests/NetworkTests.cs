using System.Text.Json.Nodes;
using AnatomyBot.Infra.Tests.Infrastructure;

namespace AnatomyBot.Infra.Tests;

/// <summary>What a deployment would create (<c>bicep snapshot</c>): the Key Vault and the storage account refuse public
/// networks unless <c>allowedIpRanges</c> names some, and the Functions app reaches them through private endpoints in the
/// virtual network it is integrated into.</summary>
public sealed class NetworkTests
{
    private const string WithAllowedRanges = """
        param environmentName = 'fabrikam-prd'
        param allowedIpRanges = ['203.0.113.0/24', '198.51.100.7']
        """;

    private static readonly string[] Protected = ["Microsoft.KeyVault/vaults", "Microsoft.Storage/storageAccounts"];

    [Fact]
    public void VaultAndStorage_ByDefault_RefuseEveryPublicNetwork()
    {
        var snapshot = DeploymentSnapshot.For(null);

        Assert.All(Protected, type =>
        {
            var properties = snapshot.Single(type)["properties"]!;
            Assert.Equal("Disabled", (string?)properties["publicNetworkAccess"]);
            Assert.Equal("Deny", (string?)properties["networkAcls"]!["defaultAction"]);
            Assert.Equal("None", (string?)properties["networkAcls"]!["bypass"]);
            Assert.Empty(properties["networkAcls"]!["ipRules"]!.AsArray());
        });
    }

    [Fact]
    public void VaultAndStorage_WithAllowedIpRanges_LetInThoseNetworksOnly()
    {
        var snapshot = DeploymentSnapshot.For(WithAllowedRanges);

        Assert.All(Protected, type =>
        {
            var properties = snapshot.Single(type)["properties"]!;
            Assert.Equal("Enabled", (string?)properties["publicNetworkAccess"]);
            Assert.Equal("Deny", (string?)properties["networkAcls"]!["defaultAction"]);
            Assert.Equal(["203.0.113.0/24", "198.51.100.7"], properties["networkAcls"]!["ipRules"]!.AsArray().Select(r => (string?)r!["value"]));
        });
    }

    [Fact]
    public void FunctionApp_IntegratedIntoTheNetwork_ReachesVaultAndStorageThroughPrivateEndpoints()
    {
        var snapshot = DeploymentSnapshot.For(null);
        var site = snapshot.Single("Microsoft.Web/sites")["properties"]!;
        var network = snapshot.Single("Microsoft.Network/virtualNetworks");
        var vault = Id(snapshot.Single("Microsoft.KeyVault/vaults"));
        var storage = Id(snapshot.Single("Microsoft.Storage/storageAccounts"));

        Assert.Equal(Id(network) + "/subnets/app", (string?)site["virtualNetworkSubnetId"]);
        Assert.True((bool)site["siteConfig"]!["vnetRouteAllEnabled"]!);
        var app = network["properties"]!["subnets"]!.AsArray().Single(s => (string?)s!["name"] == "app")!;
        Assert.Equal("Microsoft.App/environments", (string?)app["properties"]!["delegations"]![0]!["properties"]!["serviceName"]);

        var endpoints = snapshot.OfType("Microsoft.Network/privateEndpoints")
            .Select(e => e["properties"]!)
            .Select(p => (Target: (string?)p["privateLinkServiceConnections"]![0]!["properties"]!["privateLinkServiceId"], Group: (string?)p["privateLinkServiceConnections"]![0]!["properties"]!["groupIds"]![0], Subnet: (string?)p["subnet"]!["id"]))
            .OrderBy(e => e.Group, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([(storage, "blob"), (storage, "queue"), (storage, "table"), (vault, "vault")], endpoints.Select(e => (e.Target, e.Group)));
        Assert.All(endpoints, e => Assert.Equal(Id(network) + "/subnets/private-endpoints", e.Subnet));

        var zones = snapshot.OfType("Microsoft.Network/privateDnsZones").Select(z => ArmExpression.TryEvaluate((string)z["name"]!)).Order(StringComparer.Ordinal);
        Assert.Equal(["privatelink.blob.core.windows.net", "privatelink.queue.core.windows.net", "privatelink.table.core.windows.net", "privatelink.vaultcore.azure.net"], zones);
        Assert.Equal(4, snapshot.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").Count);
        var zoneGroups = snapshot.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups")
            .Select(g => (string)g["properties"]!["privateDnsZoneConfigs"]![0]!["properties"]!["privateDnsZoneId"]!).ToList();
        Assert.All(["privatelink.vaultcore.azure.net", "privatelink.blob.", "privatelink.queue.", "privatelink.table."],
            zone => Assert.Single(zoneGroups, id => id.Contains(zone, StringComparison.Ordinal)));
    }

    private static string Id(JsonObject resource) =>
        $"/subscriptions/{DeploymentSnapshot.SubscriptionId}/resourceGroups/{DeploymentSnapshot.ResourceGroup}/providers/{(string)resource["type"]!}/{(string)resource["name"]!}";
}
