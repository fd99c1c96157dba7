using System.Net;
using System.Text;
using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Functions.Configuration;
using AnatomyBot.GitHub.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AnatomyBot.Functions.Tests;

/// <summary>The channels as the composition root wires them: an Azure DevOps anatomy kept on GitHub is read by the GitHub
/// project's reader over the GitHub HTTP pipeline, with no GitHub channel configured.</summary>
public sealed class ChannelCompositionTests
{
    private const string Yaml = """
        version: 1
        outcomes:
          - id: O-ACT
            name: Faster activation
        valueStreams:
          - id: VS-ONB
            name: Customer onboarding
            outcomes: [O-ACT]
            stages:
              - id: S-VERIFY
                name: Verify identity
                outcomes: [O-ACT]
        """;

    [Fact]
    public async Task AzureDevOpsAnatomyOnGitHub_IsReadThroughTheGitHubPipeline_AndCountedForTheDelivery()
    {
        var github = new ContentsApi("https://ghes.contoso.test/api/v3/repos/contoso/architecture/contents/docs/anatomy.yml?ref=main", Yaml);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Digest:Schedule"] = "0 0 7 * * Mon",
            ["Sweep:Schedule"] = "0 30 3 * * *",
            ["AzureDevOps:WebhookSecret"] = "hook-secret",
            ["AzureDevOps:OrganizationUrl"] = "https://dev.azure.test/contoso",
            ["AzureDevOps:Project"] = "Fabrikam",
            ["AzureDevOps:PersonalAccessToken"] = "pat",
            ["AzureDevOps:Anatomy:GitHub:Repository"] = "contoso/architecture",
            ["AzureDevOps:Anatomy:GitHub:BaseUrl"] = "https://ghes.contoso.test/api/v3/",
            ["AzureDevOps:Anatomy:GitHub:Token"] = "ghp-token",
            ["AzureDevOps:Anatomy:Path"] = "/docs/anatomy.yml",
            ["AzureDevOps:Anatomy:Branch"] = "main",
        });
        builder.Services.AddAnatomyBotFunctions(builder.Configuration);
        builder.Services.AddHttpClient(GitHubClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => github);
        using var host = builder.Build();

        using var calls = ApiCallTally.Begin();
        var loaded = await host.Services.GetRequiredService<IAnatomyProvider>().GetAsync(null, CancellationToken.None);

        Assert.Equal("S-VERIFY", loaded.Anatomy.ValueStreams.Single().Stages.Single().Id);
        Assert.Equal(1, github.Served);
        Assert.Equal("Bearer ghp-token", github.Authorization);
        Assert.Equal((1, 0), (calls.Tally.Calls, calls.Tally.Writes));
    }

    /// <summary>Serves one file at one address; any other request fails the test.</summary>
    private sealed class ContentsApi(string address, string text) : HttpMessageHandler
    {
        public int Served { get; private set; }

        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal(address, request.RequestUri!.AbsoluteUri);
            Served++;
            Authorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, "application/vnd.github.raw") });
        }
    }
}
