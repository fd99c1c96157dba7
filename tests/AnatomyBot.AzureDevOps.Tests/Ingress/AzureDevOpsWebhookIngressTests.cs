using System.Text;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Ingress;
using Microsoft.Extensions.Logging.Abstractions;
using AnatomyBot.Testing;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Tests.Ingress;

public sealed class AzureDevOpsWebhookIngressTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static AzureDevOpsWebhookIngress Ingress(string? secret = TestHost.Secret, string? header = null, bool allowUnauthenticated = false) =>
        new(Options.Create(new AzureDevOpsOptions { WebhookSecret = secret, WebhookSecretHeader = header, AllowUnauthenticatedWebhooks = allowUnauthenticated }),
            NullLogger<AzureDevOpsWebhookIngress>.Instance);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Accept_BasicAuthWithSecretAsPassword_AnyUser_Accepts202WithNotificationId()
    {
        var result = Ingress().Accept(Payloads.Basic(TestHost.Secret, user: "whoever"), Bytes(Payloads.WorkItemUpdated(42, "abc-123")), Now);

        Assert.Equal(202, result.StatusCode);
        Assert.Equal("abc-123", result.Delivery!.Id);
        Assert.Equal("workitem.updated", result.Delivery.EventName);
        Assert.Equal("azure-devops", result.Delivery.Platform);
        Assert.Equal(Now, result.Delivery.ReceivedAt);
    }

    [Fact]
    public void Accept_SecretInConfiguredHeader_MatchedCaseInsensitively_Accepts()
    {
        var headers = new Dictionary<string, string> { ["x-anatomybot-secret"] = TestHost.Secret };

        var result = Ingress(header: "X-AnatomyBot-Secret").Accept(headers, Bytes(Payloads.WorkItemUpdated(1)), Now);

        Assert.Equal(202, result.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("s3cret-hoo")]
    [InlineData("s3cret-hook ")]
    public void Accept_MissingOrWrongPassword_Rejects401(string? password)
    {
        var headers = password is null ? new Dictionary<string, string>() : Payloads.Basic(password);

        var result = Ingress().Accept(headers, Bytes(Payloads.WorkItemUpdated(1)), Now);

        Assert.Equal(401, result.StatusCode);
        Assert.Null(result.Delivery);
    }

    [Fact]
    public void Accept_SecretInHeaderThatIsNotConfigured_Rejects401()
    {
        var headers = new Dictionary<string, string> { ["X-AnatomyBot-Secret"] = TestHost.Secret };

        Assert.Equal(401, Ingress().Accept(headers, Bytes(Payloads.WorkItemUpdated(1)), Now).StatusCode);
    }

    [Theory]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Bearer s3cret-hook")]
    [InlineData("Basic czNjcmV0LWhvb2s=")]
    public void Accept_MalformedAuthorization_Rejects401(string authorization)
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = authorization };

        Assert.Equal(401, Ingress().Accept(headers, Bytes(Payloads.WorkItemUpdated(1)), Now).StatusCode);
    }

    [Fact]
    public void Accept_AuthenticationIsCheckedBeforeParsing_GarbageWithoutSecretIs401()
    {
        Assert.Equal(401, Ingress().Accept(new Dictionary<string, string>(), Bytes("{not json"), Now).StatusCode);
    }

    [Fact]
    public void Accept_WorkItemCommented_Accepts202AsTheOtherEvents()
    {
        var result = Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(Payloads.WorkItemCommented(42, 5, "wc-42")), Now);

        Assert.Equal(202, result.StatusCode);
        Assert.Equal(("wc-42", "workitem.commented"), (result.Delivery!.Id, result.Delivery.EventName));
        Assert.Equal(401, Ingress().Accept(Payloads.Basic("wrong"), Bytes(Payloads.WorkItemCommented(42, 5)), Now).StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{ "id": "a", "eventType": "workitem.commented", "resource": { "id": 1, "rev": """)]
    [InlineData("""{ "id": "a", "eventType": "workitem.updated", "resource": { "id": 1 """)]
    [InlineData("""[ "id", "eventType" ]""")]
    [InlineData("""{ "eventType": "workitem.updated", "resource": {} }""")]
    [InlineData("""{ "id": "a", "resource": {} }""")]
    [InlineData("""{ "id": "", "eventType": "workitem.updated" }""")]
    [InlineData("")]
    public void Accept_MalformedTruncatedOrIncomplete_Rejects400(string body)
    {
        var result = Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(body), Now);

        Assert.Equal(400, result.StatusCode);
        Assert.Null(result.Delivery);
    }

    [Fact]
    public void Accept_NestedIdIsNotTakenForTheNotificationId()
    {
        var body = """{ "resource": { "id": "nested", "eventType": "x" }, "eventType": "workitem.created" }""";

        Assert.Equal(400, Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(body), Now).StatusCode);
    }

    [Fact]
    public void Accept_UnknownEventType_Answers200IgnoredWithoutDelivery()
    {
        var body = """{ "id": "n-1", "eventType": "build.complete", "resource": {} }""";

        var result = Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(body), Now);

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Delivery);
        Assert.Contains("build.complete", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_OverMaxBody_Rejects401WithoutTheSecretAnd413WithIt()
    {
        var ingress = Ingress();
        var body = new byte[ingress.MaxBodyBytes + 1];

        Assert.Equal(401, ingress.Accept(new Dictionary<string, string>(), body, Now).StatusCode);
        Assert.Equal(413, ingress.Accept(Payloads.Basic(TestHost.Secret), body, Now).StatusCode);
        Assert.Equal(25L * 1024 * 1024, ingress.MaxBodyBytes);
    }

    [Fact]
    public void Screen_WithoutTheSecret_Is401OnTheHeadersAlone()
    {
        Assert.Equal(401, Ingress().Screen(new Dictionary<string, string>())!.StatusCode);
        Assert.Null(Ingress().Screen(Payloads.Basic(TestHost.Secret)));
    }

    [Fact]
    public void Accept_InvalidUtf8_Rejects400()
    {
        byte[] body = [.. Bytes(Payloads.WorkItemUpdated(1))[..^2], 0xFF, 0xFE, .. Bytes("}")];

        var result = Ingress().Accept(Payloads.Basic(TestHost.Secret), body, Now);

        Assert.Equal((400, "the body is not valid UTF-8"), (result.StatusCode, result.Reason));
    }

    [Theory]
    [InlineData(62, 202)]
    [InlineData(200, 400)]
    public void Accept_NestedPastTheOneDepthLimit_Rejects400(int depth, int expected)
    {
        var body = Payloads.WorkItemUpdated(1).TrimEnd()[..^1] + ", \"deep\": " + new string('[', depth) + new string(']', depth) + "}";

        Assert.Equal(expected, Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(body), Now).StatusCode);
    }

    [Theory]
    [InlineData("sweep:2026-11-25:workitems:0001")]
    [InlineData("anatomy:5f1e2d3c-0000-4000-8000-000000000001:workitems:0001")]
    public void Accept_TheBotsOwnSyntheticIdOrAnOversizedId_Rejects400(string id)
    {
        Assert.Equal(400, Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(Payloads.WorkItemUpdated(1, id)), Now).StatusCode);
        Assert.Equal(400, Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(Payloads.WorkItemUpdated(1, new string('a', 20 * 1024))), Now).StatusCode);
    }

    [Fact]
    public void Accept_PreviousSecretWhileSet_AcceptedAndAChangeAppliesWithoutARestart()
    {
        var options = new TestOptionsMonitor<AzureDevOpsOptions>(new AzureDevOpsOptions { WebhookSecret = "new-secret", PreviousWebhookSecret = TestHost.Secret });
        var ingress = new AzureDevOpsWebhookIngress(options, NullLogger<AzureDevOpsWebhookIngress>.Instance);

        var withOld = ingress.Accept(Payloads.Basic(TestHost.Secret), Bytes(Payloads.WorkItemUpdated(1)), Now);
        options.Set(new AzureDevOpsOptions { WebhookSecret = "new-secret" });
        var afterRotation = ingress.Accept(Payloads.Basic(TestHost.Secret), Bytes(Payloads.WorkItemUpdated(1)), Now);
        var withNew = ingress.Accept(Payloads.Basic("new-secret"), Bytes(Payloads.WorkItemUpdated(1)), Now);

        Assert.Equal((202, 401, 202), (withOld.StatusCode, afterRotation.StatusCode, withNew.StatusCode));
    }

    [Fact]
    public void Accept_Utf8BomIsTolerated()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Bytes(Payloads.WorkItemUpdated(3))).ToArray();

        var result = Ingress().Accept(Payloads.Basic(TestHost.Secret), body, Now);

        Assert.Equal(202, result.StatusCode);
        Assert.StartsWith("{", result.Delivery!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_NoSecretWithDevelopmentSwitch_AcceptsUnauthenticated()
    {
        var result = Ingress(secret: null, allowUnauthenticated: true).Accept(new Dictionary<string, string>(), Bytes(Payloads.WorkItemUpdated(1)), Now);

        Assert.Equal(202, result.StatusCode);
    }

    [Fact]
    public void Accept_SecretConfiguredAndDevelopmentSwitch_StillRequiresTheSecret()
    {
        var result = Ingress(allowUnauthenticated: true).Accept(new Dictionary<string, string>(), Bytes(Payloads.WorkItemUpdated(1)), Now);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public void Accept_NoSecretWithoutDevelopmentSwitch_RejectsEverything()
    {
        var result = Ingress(secret: null).Accept(Payloads.Basic(""), Bytes(Payloads.WorkItemUpdated(1)), Now);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e400")]
    [InlineData("99999999999999999999")]
    public void Accept_NumericIdThatIsNoInteger_Rejects400InsteadOfThrowing(string id)
    {
        var body = $$"""{ "id": {{id}}, "eventType": "workitem.updated", "resource": { "workItemId": 1 } }""";

        var result = Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(body), Now);

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public void Accept_IntegerId_IsTheDeliveryId()
    {
        var body = """{ "id": 12345, "eventType": "workitem.updated", "resource": { "workItemId": 1 } }""";

        Assert.Equal("12345", Ingress().Accept(Payloads.Basic(TestHost.Secret), Bytes(body), Now).Delivery!.Id);
    }
}
