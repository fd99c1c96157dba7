using System.Text.Json;
using AnatomyBot.AzureDevOps.Digest;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AnatomyBot.AzureDevOps.Tests.Digest;

public sealed class AzureDevOpsWikiDigestSinkTests : IDisposable
{
    private const string PagesPathDecoded = "/contoso/Contoso Web/_apis/wiki/wikis/Contoso.wiki/pages";
    private readonly WireMockServer _server = WireMockServer.Start();
    private ServiceProvider? _provider;

    [Fact]
    public async Task NewWeek_CreatesPageWithoutIfMatchUnderExistingParent()
    {
        PageReturns("/Governance", 200, "parent", "\"p1\"");
        PageReturns("/Governance/Anatomy digest", 200, "parent", "\"p2\"");
        PageReturns("/Governance/Anatomy digest/2026-W48", 404, null, null);
        PutReturns(201);

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(new DigestPublication("azure-devops-wiki", DigestPublicationAction.Created, "https://dev.azure.com/contoso/wiki/page"), publication);
        var put = Assert.Single(_server.LogEntries, e => e.RequestMessage.Method == "PUT").RequestMessage;
        Assert.Equal("?path=%2FGovernance%2FAnatomy%20digest%2F2026-W48&api-version=7.1", put.RawQuery);
        Assert.False(put.Headers!.ContainsKey("If-Match"));
        Assert.Equal("Basic OnRlc3QtcGF0", put.Headers["Authorization"].Single());
        using var body = JsonDocument.Parse(put.Body!);
        var content = body.RootElement.GetProperty("content").GetString()!;
        Assert.StartsWith(DigestMarkers.For(new IsoWeek(2026, 48)), content, StringComparison.Ordinal);
        Assert.Equal(DigestMarkdownRenderer.Render(Digest(), new DigestRenderOptions { Flavor = DigestFlavor.AzureDevOps }), content);
        Assert.Equal(3, _server.LogEntries.Count(e => e.RequestMessage.Method == "GET"));
    }

    [Fact]
    public async Task SameWeekAgain_PutsWithTheReadETag()
    {
        PageReturns("/Governance", 200, "parent", "\"p1\"");
        PageReturns("/Governance/Anatomy digest", 200, "parent", "\"p2\"");
        PageReturns("/Governance/Anatomy digest/2026-W48", 200, "old content", "\"abc123\"");
        PutReturns(200);

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(DigestPublicationAction.Updated, publication.Action);
        var put = Assert.Single(_server.LogEntries, e => e.RequestMessage.Method == "PUT").RequestMessage;
        Assert.Equal("\"abc123\"", put.Headers!["If-Match"].Single());
    }

    [Fact]
    public async Task SameContent_WritesNothing()
    {
        PageReturns("/Governance", 200, "parent", "\"p1\"");
        PageReturns("/Governance/Anatomy digest", 200, "parent", "\"p2\"");
        PageReturns("/Governance/Anatomy digest/2026-W48", 200, DigestMarkdownRenderer.Render(Digest(), new DigestRenderOptions { Flavor = DigestFlavor.AzureDevOps }), "\"abc123\"");

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(DigestPublicationAction.Unchanged, publication.Action);
        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage.Method == "PUT");
    }

    [Fact]
    public async Task MissingParent_CreatedBeforeTheWeeklyPage()
    {
        PageReturns("/Governance", 200, "parent", "\"p1\"");
        PageReturns("/Governance/Anatomy digest", 404, null, null);
        PageReturns("/Governance/Anatomy digest/2026-W48", 404, null, null);
        PutReturns(201);

        await Sink().PublishAsync(Digest(), CancellationToken.None);

        var puts = _server.LogEntries.Where(e => e.RequestMessage.Method == "PUT").OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.Equal(
            ["?path=%2FGovernance%2FAnatomy%20digest&api-version=7.1", "?path=%2FGovernance%2FAnatomy%20digest%2F2026-W48&api-version=7.1"],
            puts.Select(p => p.RequestMessage.RawQuery));
    }

    [Fact]
    public async Task ConflictingEdit_412_Throws()
    {
        PageReturns("/Governance", 200, "parent", "\"p1\"");
        PageReturns("/Governance/Anatomy digest", 200, "parent", "\"p2\"");
        PageReturns("/Governance/Anatomy digest/2026-W48", 200, "old", "\"abc123\"");
        PutReturns(412);

        await Assert.ThrowsAsync<HttpRequestException>(() => Sink().PublishAsync(Digest(), CancellationToken.None));
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _server.Dispose();
    }

    private AzureDevOpsWikiDigestSink Sink()
    {
        var options = new AzureDevOpsWikiDigestSinkOptions
        {
            OrganizationUrl = new Uri(_server.Url + "/contoso"),
            Project = "Contoso Web",
            Wiki = "Contoso.wiki",
            PathPrefix = "/Governance/Anatomy digest",
            Pat = "test-pat",
        };
        _provider = new ServiceCollection().AddAzureDevOpsWikiDigestSink(options).BuildServiceProvider();
        return Assert.IsType<AzureDevOpsWikiDigestSink>(_provider.GetRequiredService<IDigestSink>());
    }

    private void PageReturns(string path, int status, string? content, string? etag)
    {
        var response = Response.Create().WithStatusCode(status);
        if (content is not null)
        {
            response = response.WithBody(JsonSerializer.Serialize(new { path, content, remoteUrl = "https://dev.azure.com/contoso/wiki/page" }));
        }

        if (etag is not null)
        {
            response = response.WithHeader("ETag", etag);
        }

        _server.Given(Request.Create().WithPath(PagesPathDecoded).UsingGet().WithParam("path", path).WithParam("includeContent", "true").WithParam("api-version", "7.1"))
            .RespondWith(response);
    }

    private void PutReturns(int status) =>
        _server.Given(Request.Create().WithPath(PagesPathDecoded).UsingPut())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"path":"/x","content":"","remoteUrl":"https://dev.azure.com/contoso/wiki/page"}"""));

    private static WeeklyDigest Digest() => DigestBuilder.Build(
        new DigestRequest { Anatomy = new EnterpriseAnatomy([], [], [], []), Week = new IsoWeek(2026, 48) },
        [new StoredEvaluation
        {
            Source = Core.Linkage.ItemSource.AzureDevOps, ItemId = "42", Kind = Core.Policy.ItemKind.Epic, Title = "Epic",
            Layer = Layer.Unmapped, Trace = Core.Linkage.Trace.Empty, Gaps = new Dictionary<string, Core.Policy.GapSeverity>(),
            FirstSeen = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), EvaluatedAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
        }],
        Array.Empty<GapEvent>());
}
