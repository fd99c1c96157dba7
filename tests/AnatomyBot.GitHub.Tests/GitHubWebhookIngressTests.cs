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
    public void A_signed_pull_request_event_is_accepted_as_a_delivery()
    {
        var result = _ingress.Accept(Headers("pull_request", Body), GitHubHarness.Utf8(Body), Now);

        Assert.Equal(202, result.StatusCode);
        Assert.Equal("pull_request", result.Delivery!.EventName);
        Assert.Equal(DeliveryId, result.Delivery.Id);
        Assert.Equal(Body, result.Delivery.Body);
        Assert.Equal(Now, result.Delivery.ReceivedAt);
    }

    [Fact]
    public void Header_names_are_matched_case_insensitively()
    {
        var headers = Headers("pull_request", Body).ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value);
        Assert.Equal(202, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now).StatusCode);
    }

    [Fact]
    public void A_missing_signature_is_401()
    {
        var headers = Headers("pull_request", Body);
        headers.Remove("X-Hub-Signature-256");
        AssertRejected(401, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now));
    }

    [Fact]
    public void A_signature_over_another_body_is_401()
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
    public void A_valid_signature_over_garbage_or_truncated_json_is_400(string body) =>
        AssertRejected(400, _ingress.Accept(Headers("pull_request", body), GitHubHarness.Utf8(body), Now));

    [Fact]
    public void A_valid_signature_over_json_that_is_not_utf8_is_400()
    {
        byte[] body = [.. GitHubHarness.Utf8("{\"action\":\""), 0xFF, 0xFE, .. GitHubHarness.Utf8("\"}")];
        var headers = Headers("pull_request", Body);
        headers["X-Hub-Signature-256"] = WebhookSignature.Compute(GitHubHarness.Secret, body);

        AssertRejected(400, _ingress.Accept(headers, body, Now));
    }

    [Theory]
    [InlineData("X-GitHub-Event")]
    [InlineData("X-GitHub-Delivery")]
    public void Missing_event_or_delivery_headers_are_400(string header)
    {
        var headers = Headers("pull_request", Body);
        headers.Remove(header);
        AssertRejected(400, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now));
    }

    [Fact]
    public void Bodies_over_25_MB_are_413_before_the_signature_is_computed()
    {
        var big = new byte[(25 * 1024 * 1024) + 1];
        AssertRejected(413, _ingress.Accept(Headers("pull_request", Body), big, Now));
        Assert.Equal(25L * 1024 * 1024, _ingress.MaxBodyBytes);
    }

    [Fact]
    public void Ping_is_answered_200_without_a_delivery()
    {
        const string ping = """{"zen":"Keep it logically awesome.","hook_id":1}""";
        var result = _ingress.Accept(Headers("ping", ping), GitHubHarness.Utf8(ping), Now);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Delivery);
    }

    [Fact]
    public void An_unknown_event_is_answered_204_without_a_delivery()
    {
        var result = _ingress.Accept(Headers("star", Body), GitHubHarness.Utf8(Body), Now);
        Assert.Equal(204, result.StatusCode);
        Assert.Null(result.Delivery);
        Assert.Contains("star", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_secret_every_request_is_refused_unless_the_development_switch_is_set()
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
    public void A_delivery_id_that_is_not_a_guid_is_400(string id)
    {
        var headers = Headers("pull_request", Body);
        headers["X-GitHub-Delivery"] = id;

        var result = _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now);

        AssertRejected(400, result);
        Assert.Equal("X-GitHub-Delivery is not a GUID", result.Reason);
    }

    [Fact]
    public void A_20_KB_delivery_id_is_400()
    {
        var headers = Headers("pull_request", Body);
        headers["X-GitHub-Delivery"] = DeliveryId + new string('0', 20 * 1024);

        AssertRejected(400, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now));
    }

    [Fact]
    public void A_guid_in_capitals_is_kept_in_its_canonical_form()
    {
        var headers = Headers("pull_request", Body);
        headers["X-GitHub-Delivery"] = DeliveryId.ToUpperInvariant();

        Assert.Equal(DeliveryId, _ingress.Accept(headers, GitHubHarness.Utf8(Body), Now).Delivery!.Id);
    }

    [Fact]
    public void A_form_encoded_webhook_is_400_and_says_to_use_json()
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
    public void Json_nested_past_the_one_depth_limit_is_400(int depth, int expected)
    {
        var body = "{\"action\":\"opened\",\"deep\":" + new string('[', depth) + new string(']', depth) + "}";

        Assert.Equal(expected, _ingress.Accept(Headers("pull_request", body), GitHubHarness.Utf8(body), Now).StatusCode);
    }

    [Fact]
    public void Screen_without_a_well_formed_signature_is_401_on_the_headers_alone()
    {
        var headers = Headers("pull_request", Body);
        Assert.Null(_ingress.Screen(headers));

        headers["X-Hub-Signature-256"] = "sha256=zz" + new string('0', 62);
        AssertRejected(401, _ingress.Screen(headers)!);
        headers.Remove("X-Hub-Signature-256");
        AssertRejected(401, _ingress.Screen(headers)!);
    }

    [Fact]
    public void The_previous_secret_is_accepted_while_it_is_set_and_a_change_applies_without_a_restart()
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
