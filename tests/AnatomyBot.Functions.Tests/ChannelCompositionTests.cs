using System.Net;
using System.Text;
using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Functions.Configuration;
using AnatomyBot.GitHub.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

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

    private const string ContentsAddress = "https://ghes.contoso.test/api/v3/repos/contoso/architecture/contents/docs/anatomy.yml?ref=main";

    [Fact]
    public async Task AzureDevOpsAnatomyOnGitHub_IsReadThroughTheGitHubPipeline_AndCountedForTheDelivery()
    {
        var github = new OneAnswerApi(ContentsAddress, Yaml);
        using var host = Build(github, new OneAnswerApi("https://unused.test/", ""));

        using var calls = ApiCallTally.Begin();
        var loaded = await host.Services.GetRequiredService<IAnatomyProvider>().GetAsync(null, CancellationToken.None);

        Assert.Equal("S-VERIFY", loaded.Anatomy.ValueStreams.Single().Stages.Single().Id);
        Assert.Equal(1, github.Served);
        Assert.Equal("Bearer ghp-token", github.Authorization);
        Assert.Equal((1, 0), (calls.Tally.Calls, calls.Tally.Writes));
    }

    [Fact]
    public async Task SuccessfulCalls_OnBothPlatformsPipelines_LogNothingFromPollyAboveDebug()
    {
        var github = new OneAnswerApi(ContentsAddress, Yaml);
        var boards = new OneAnswerApi("https://dev.azure.test/contoso/Fabrikam/_apis/wit/workitems/7?$expand=relations&api-version=7.1", """{ "id": 7, "rev": 1, "fields": {} }""", "application/json");
        using var host = Build(github, boards);

        await host.Services.GetRequiredService<IAnatomyProvider>().GetAsync(null, CancellationToken.None);
        var item = await host.Services.GetRequiredService<AzureDevOpsClient>().GetWorkItemAsync(7, CancellationToken.None);

        Assert.Equal(7, item?.Id);
        var polly = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(r => r.Category?.StartsWith("Polly", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(polly);
        Assert.All(polly, r => Assert.True(r.Level <= LogLevel.Debug, $"{r.Level}: {r.Message}"));
    }

    [Fact]
    public async Task ApiCalls_OnBothPlatformsPipelines_OneDebugLineEachAndNothingAboveDebug()
    {
        var github = new OneAnswerApi(ContentsAddress, Yaml);
        var boards = new OneAnswerApi("https://dev.azure.test/contoso/Fabrikam/_apis/wit/workitems/7?$expand=relations&api-version=7.1", """{ "id": 7, "rev": 1, "fields": {} }""", "application/json");
        using var host = Build(github, boards);

        await host.Services.GetRequiredService<IAnatomyProvider>().GetAsync(null, CancellationToken.None);
        await host.Services.GetRequiredService<AzureDevOpsClient>().GetWorkItemAsync(7, CancellationToken.None);

        var records = host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        var perCall = records.Where(r => r.Category is { } c && (c.StartsWith("Polly", StringComparison.Ordinal)
            || c.StartsWith("System.Net.Http", StringComparison.Ordinal) || c.EndsWith(".ApiCallLogger", StringComparison.Ordinal))).ToList();
        Assert.All(perCall, r => Assert.True(r.Level <= LogLevel.Debug, $"{r.Category} {r.Level}: {r.Message}"));
        var calls = perCall.Where(r => r.Id.Id == 7001).ToList();
        Assert.Equal(
            ["GET ghes.contoso.test/api/v3/repos/contoso/architecture/contents/docs/anatomy.yml 200", "GET dev.azure.test/contoso/Fabrikam/_apis/wit/workitems/7 200"],
            calls.Select(r => $"{Value(r, "Method")} {Value(r, "Host")}{Value(r, "Path")} {Value(r, "Status")}"));
        Assert.All(calls, r => Assert.Equal(LogLevel.Debug, r.Level));
    }

    private static string? Value(FakeLogRecord record, string key) =>
        record.StructuredState?.FirstOrDefault(p => p.Key == key).Value;

    private static IHost Build(OneAnswerApi github, OneAnswerApi boards)
    {
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
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.Services.AddAnatomyBotFunctions(builder.Configuration);
        builder.Services.AddHttpClient(GitHubClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => github);
        builder.Services.AddHttpClient(AzureDevOpsClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => boards);
        return builder.Build();
    }

    /// <summary>Answers one address; any other request fails the test.</summary>
    private sealed class OneAnswerApi(string address, string text, string mediaType = "application/vnd.github.raw") : HttpMessageHandler
    {
        public int Served { get; private set; }

        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal(address, request.RequestUri!.AbsoluteUri);
            Served++;
            Authorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, mediaType) });
        }
    }
}
