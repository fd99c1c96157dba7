using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Ingress;
using AnatomyBot.GitHub.Tests.Harness;
using AnatomyBot.Testing;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub.Tests;

public sealed class GitHubWebhookIngressTests
{
    private const string DeliveryId = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    private const string Body = """{"action":"opened","number":1,"pull_request":{"number":1}}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly GitHubWebhookIngress _ingress = new(Options.Create(new GitHubOptions { WebhookSecret = GitHubHarness.Secret }));

    [Fact]
    public void Accept_SignedPullRequestEvent_Returns202WithDelivery()
    {
        var result = _ingress.Accept(Headers("pull_request", Body), GitHubHarness.Utf8(Body), Now);

        Assert.Equal(202, result.StatusCode);
        Assert.Equal("pull_request", result.Delivery!.EventName);
        Assert.Equal(DeliveryId, result.Delivery.Id);
        Assert.Equal(Body, result.Delivery.Body);
        Assert.Equal(Now, result.Delivery.ReceivedAt);
    }

    [Fact]
    public void Accept_LowerCaseHeaderNames_MatchedCaseInsensitively()
    {
        var headers = Headers("pull_request", Body).ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value);
        Assert.Equal(202, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now).StatusCode);
    }

    [Fact]
    public void Accept_MissingSignature_Returns401()
    {
        var headers = Headers("pull_request", Body);
        headers.Remove("X-Hub-Signature-256");
        AssertRejected(401, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now));
    }

    [Fact]
    public void Accept_SignatureOverAnotherBody_Returns401()
    {
        var headers = Headers("pull_request", Body);
        AssertRejected(401, _ingress.Accept(headers, GitHubHarness.Utf8(Body.Replace('1', '2')), Now));
    }

    [Theory]
    [InlineData("""{"action":"opened","number":""")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{} {}")]
    [InlineData("")]
    public void Accept_ValidSignatureOverGarbageOrTruncatedJson_Returns400(string body) =>
        AssertRejected(400, _ingress.Accept(Headers("pull_request", body), GitHubHarness.Utf8(body), Now));

    [Fact]
    public void Accept_ValidSignatureOverJsonNotUtf8_Returns400()
    {
        byte[] body = [.. GitHubHarness.Utf8("{\"action\":\""), 0xFF, 0xFE, .. GitHubHarness.Utf8("\"}")];
        var headers = Headers("pull_request", Body);
        headers["X-Hub-Signature-256"] = WebhookSignature.Compute(GitHubHarness.Secret, body);

        AssertRejected(400, _ingress.Accept(headers, body, Now));
    }

    [Theory]
    [InlineData("X-GitHub-Event")]
    [InlineData("X-GitHub-Delivery")]
    public void Accept_MissingEventOrDeliveryHeader_Returns400(string header)
    {
        var headers = Headers("pull_request", Body);
        headers.Remove(header);
        AssertRejected(400, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now));
    }

    [Fact]
    public void Accept_BodyOver25MB_Returns413BeforeComputingSignature()
    {
        var big = new byte[(25 * 1024 * 1024) + 1];
        AssertRejected(413, _ingress.Accept(Headers("pull_request", Body), big, Now));
        Assert.Equal(25L * 1024 * 1024, _ingress.MaxBodyBytes);
    }

    [Fact]
    public void Accept_Ping_Returns200WithoutDelivery()
    {
        const string ping = """{"zen":"Keep it logically awesome.","hook_id":1}""";
        var result = _ingress.Accept(Headers("ping", ping), GitHubHarness.Utf8(ping), Now);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Delivery);
    }

    [Fact]
    public void Accept_UnknownEvent_Returns204WithoutDelivery()
    {
        var result = _ingress.Accept(Headers("star", Body), GitHubHarness.Utf8(Body), Now);
        Assert.Equal(204, result.StatusCode);
        Assert.Null(result.Delivery);
        Assert.Contains("star", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_NoSecret_RefusesEveryRequestUnlessDevelopmentSwitchIsSet()
    {
        var noSecret = new GitHubWebhookIngress(Options.Create(new GitHubOptions()));
        AssertRejected(401, noSecret.Accept(Headers("pull_request", Body), GitHubHarness.Utf8(Body), Now));

        var unsigned = new GitHubWebhookIngress(Options.Create(new GitHubOptions { AllowUnsignedWebhooks = true }));
        var headers = Headers("pull_request", Body);
        headers.Remove("X-Hub-Signature-256");
        Assert.Equal(202, unsigned.Accept(headers, GitHubHarness.Utf8(Body), Now).StatusCode);
    }

    [Theory]
    [InlineData("d-1")]
    [InlineData("sweep:2026-11-25T02:00:00Z:acme/shop#5")]
    [InlineData("anatomy:72d3162e-cc78-11e3-81ab-4c9367dc0958:acme/shop#5")]
    [InlineData("{72d3162e-cc78-11e3-81ab-4c9367dc0958}")]
    public void Accept_DeliveryIdNotAGuid_Returns400(string id)
    {
        var headers = Headers("pull_request", Body);
        headers["X-GitHub-Delivery"] = id;

        var result = _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now);

        AssertRejected(400, result);
        Assert.Equal("X-GitHub-Delivery is not a GUID", result.Reason);
    }

    [Fact]
    public void Accept_20KBDeliveryId_Returns400()
    {
        var headers = Headers("pull_request", Body);
        headers["X-GitHub-Delivery"] = DeliveryId + new string('0', 20 * 1024);

        AssertRejected(400, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now));
    }

    [Fact]
    public void Accept_GuidInCapitals_KeepsItsCanonicalForm()
    {
        var headers = Headers("pull_request", Body);
        headers["X-GitHub-Delivery"] = DeliveryId.ToUpperInvariant();

        Assert.Equal(DeliveryId, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now).Delivery!.Id);
    }

    [Fact]
    public void Accept_FormEncodedWebhook_Returns400SayingToUseJson()
    {
        var body = "payload=" + Uri.EscapeDataString(Body);
        var headers = Headers("pull_request", body);
        headers["Content-Type"] = "application/x-www-form-urlencoded";

        var result = _ingress.Accept(headers, GitHubHarness.Utf8(body), Now);

        AssertRejected(400, result);
        Assert.Contains("set the webhook's content type to application/json", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(63, 202)]
    [InlineData(64, 400)]
    [InlineData(200, 400)]
    public void Accept_JsonNestedPastDepthLimit_Returns400(int depth, int expected)
    {
        var body = "{\"action\":\"opened\",\"deep\":" + new string('[', depth) + new string(']', depth) + "}";

        Assert.Equal(expected, _ingress.Accept(Headers("pull_request", body), GitHubHarness.Utf8(body), Now).StatusCode);
    }

    [Fact]
    public void Screen_NoWellFormedSignature_Returns401OnHeadersAlone()
    {
        var headers = Headers("pull_request", Body);
        Assert.Null(_ingress.Screen(headers));

        headers["X-Hub-Signature-256"] = "sha256=zz" + new string('0', 62);
        AssertRejected(401, _ingress.Screen(headers)!);
        headers.Remove("X-Hub-Signature-256");
        AssertRejected(401, _ingress.Screen(headers)!);
    }

    [Fact]
    public void Accept_PreviousSecretSetThenRemoved_AcceptedWhileSetAndChangeAppliesWithoutRestart()
    {
        var options = new TestOptionsMonitor<GitHubOptions>(new GitHubOptions { WebhookSecret = "new-secret", PreviousWebhookSecret = GitHubHarness.Secret });
        var ingress = new GitHubWebhookIngress(options);

        var signedWithOld = ingress.Accept(Headers("pull_request", Body), GitHubHarness.Utf8(Body), Now);
        options.Set(new GitHubOptions { WebhookSecret = "new-secret" });
        var afterRotation = ingress.Accept(Headers("pull_request", Body), GitHubHarness.Utf8(Body), Now);
        var signedWithNew = Headers("pull_request", Body);
        signedWithNew["X-Hub-Signature-256"] = WebhookSignature.Compute("new-secret", GitHubHarness.Utf8(Body));

        Assert.Equal(202, signedWithOld.StatusCode);
        AssertRejected(401, afterRotation);
        Assert.Equal(202, ingress.Accept(signedWithNew, GitHubHarness.Utf8(Body), Now).StatusCode);
    }

    internal static Dictionary<string, string> Headers(string eventName, string body) => new()
    {
        ["X-GitHub-Event"] = eventName,
        ["X-GitHub-Delivery"] = DeliveryId,
        ["X-Hub-Signature-256"] = WebhookSignature.Compute(GitHubHarness.Secret, GitHubHarness.Utf8(body)),
    };

    private static void AssertRejected(int status, Core.Pipeline.IngressResult result)
    {
        Assert.Equal(status, result.StatusCode);
        Assert.Null(result.Delivery);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }
}
