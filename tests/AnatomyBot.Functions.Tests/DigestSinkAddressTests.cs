using AnatomyBot.Core.Digest;
using AnatomyBot.Functions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Functions.Tests;

/// <summary>Both digest sinks send a credential (the GitHub token, the Azure DevOps PAT) to the address they are given:
/// the composition root refuses plain <c>http</c> there unless the host is loopback, naming the key.</summary>
public sealed class DigestSinkAddressTests
{
    private const string GitHubKey = "Digest:GitHub:ApiBaseUrl";
    private const string WikiKey = "Digest:AzureDevOps:OrganizationUrl";

    public static TheoryData<string, string> PlainHttpElsewhere => new()
    {
        { GitHubKey, "http://api.github.com/" },
        { GitHubKey, "http://ghe.contoso.example/api/v3/" },
        { GitHubKey, "http://10.0.0.7:8080/" },
        { WikiKey, "http://dev.azure.com/contoso/" },
        { WikiKey, "http://tfs.contoso.example/DefaultCollection/" },
        { WikiKey, "http://192.168.1.20/contoso/" },
    };

    public static TheoryData<string, string> Accepted => new()
    {
        { GitHubKey, "https://api.github.com/" },
        { GitHubKey, "http://127.0.0.1:5010/" },
        { GitHubKey, "http://localhost:5010/" },
        { WikiKey, "https://dev.azure.com/contoso/" },
        { WikiKey, "http://[::1]:5011/contoso/" },
        { WikiKey, "http://localhost/contoso/" },
    };

    [Theory]
    [MemberData(nameof(PlainHttpElsewhere))]
    public void AddAnatomyBotFunctions_PlainHttpSinkAddressOffLoopback_FailsNamingTheKey(string key, string address)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose(key, address));

        var section = key[..key.LastIndexOf(':')];
        var property = key[(key.LastIndexOf(':') + 1)..];
        Assert.StartsWith(section + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{property} must be an absolute https address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void AddAnatomyBotFunctions_HttpsOrLoopbackSinkAddress_AddsTheSinkAtThatAddress(string key, string address)
    {
        using var provider = Compose(key, address).BuildServiceProvider();

        Assert.Single(provider.GetServices<IDigestSink>());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(key == GitHubKey ? GitHub.Digest.GitHubIssueDigestSink.HttpClientName : AzureDevOps.Digest.AzureDevOpsWikiDigestSink.HttpClientName);
        Assert.Equal(new Uri(address), client.BaseAddress);
    }

    /// <summary>The Functions services with one digest sink configured, its address at <paramref name="key"/>.</summary>
    private static ServiceCollection Compose(string key, string address)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Digest:Schedule"] = "0 0 7 * * Mon",
            ["Sweep:Schedule"] = "0 30 3 * * *",
            [key] = address,
        };
        if (key == GitHubKey)
        {
            settings["Digest:GitHub:Repository"] = "contoso/governance";
            settings["Digest:GitHub:Token"] = "digest-token";
        }
        else
        {
            settings["Digest:AzureDevOps:Project"] = "Fabrikam";
            settings["Digest:AzureDevOps:Wiki"] = "Fabrikam.wiki";
            settings["Digest:AzureDevOps:Pat"] = "digest-pat";
        }

        var services = new ServiceCollection();
        services.AddAnatomyBotFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
