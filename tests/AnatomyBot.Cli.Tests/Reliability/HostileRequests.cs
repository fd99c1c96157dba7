using System.Text;
using System.Text.Json.Nodes;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>Requests <c>serve</c> must refuse, each kind with the status it must answer: bodies that are not one JSON object
/// in valid UTF-8, missing or wrong signatures or secrets, missing headers or fields, and bodies over the 25 MB limit
/// (with and without a <c>Content-Length</c>) — for GitHub (<see cref="For"/>) and Azure DevOps
/// (<see cref="ForAzureDevOps"/>).</summary>
internal static class HostileRequests
{
    private const int OverLimit = (25 * 1024 * 1024) + 1;
    private const string AzureDevOpsRoute = "/api/azure-devops/webhooks";

    private static readonly Dictionary<string, int> Expected = new(StringComparer.Ordinal)
    {
        ["signed"] = 202,
        ["truncated-json"] = 400,
        ["json-array"] = 400,
        ["nested-too-deep"] = 400,
        ["not-utf8"] = 400,
        ["two-documents"] = 400,
        ["no-delivery-id"] = 400,
        ["no-event"] = 400,
        ["unsigned"] = 401,
        ["wrong-secret"] = 401,
        ["tampered-body"] = 401,
        ["malformed-signature"] = 401,
        ["malformed-authorization"] = 401,
        ["oversized"] = 413,
        ["oversized-chunked"] = 413,
    };

    public static int ExpectedStatus(string kind) => Expected[kind];

    /// <summary>A GitHub body past the web server's own 32 MB cap as well, announced by its <c>Content-Length</c>.</summary>
    public static WebhookRequest OverServerLimit(string secret) => Signed(secret, "over-server-limit", new byte[40 * 1024 * 1024]);

    /// <summary>An Azure DevOps body past the web server's own 32 MB cap as well.</summary>
    public static WebhookRequest OverServerLimitAzureDevOps(string secret) => Authentic(secret, "over-server-limit", new byte[40 * 1024 * 1024]);

    /// <summary>Several GitHub requests of every hostile kind (two of each oversized one), built around a good payload.</summary>
    public static IEnumerable<WebhookRequest> For(string secret, byte[] goodPayload)
    {
        for (var i = 0; i < 8; i++)
        {
            foreach (var request in BadBodies((kind, body) => Signed(secret, kind, body), goodPayload))
            {
                yield return request;
            }

            yield return Without(Signed(secret, "no-delivery-id", goodPayload), "X-GitHub-Delivery");
            yield return Without(Signed(secret, "no-event", goodPayload), "X-GitHub-Event");
            yield return Without(Signed(secret, "unsigned", goodPayload), "X-Hub-Signature-256");
            yield return Signed("not-" + secret, "wrong-secret", goodPayload);
            yield return Signed(secret, "tampered-body", goodPayload) with { Body = [.. goodPayload[..^1], (byte)' ', .. goodPayload[^1..]] };
            yield return With(Signed(secret, "malformed-signature", goodPayload), "X-Hub-Signature-256", "sha256=zz" + new string('0', 10_000));
        }

        foreach (var request in Oversized((kind, body) => Signed(secret, kind, body)))
        {
            yield return request;
        }
    }

    /// <summary>Several Azure DevOps service-hook requests of every hostile kind (two of each oversized one), built around
    /// a good notification: without the shared secret, with another or a malformed one, without <c>id</c> or
    /// <c>eventType</c>, and the bodies GitHub's requests carry.</summary>
    public static IEnumerable<WebhookRequest> ForAzureDevOps(string secret, byte[] goodPayload)
    {
        WebhookRequest Request(string kind, byte[] body) => Authentic(secret, kind, body);
        for (var i = 0; i < 8; i++)
        {
            foreach (var request in BadBodies(Request, goodPayload))
            {
                yield return request;
            }

            yield return Request("no-delivery-id", Without(goodPayload, "id"));
            yield return Request("no-event", Without(goodPayload, "eventType"));
            yield return Without(Request("unsigned", goodPayload), "Authorization");
            yield return Authentic("not-" + secret, "wrong-secret", goodPayload);
            yield return With(Request("malformed-authorization", goodPayload), "Authorization", "Basic zz" + new string('!', 10_000));
        }

        foreach (var request in Oversized(Request))
        {
            yield return request;
        }
    }

    /// <summary>Bodies no platform sends: cut short, an array, nested 100,000 deep, not UTF-8, two documents.</summary>
    private static IEnumerable<WebhookRequest> BadBodies(Func<string, byte[], WebhookRequest> request, byte[] goodPayload)
    {
        yield return request("truncated-json", goodPayload[..(goodPayload.Length / 2)]);
        yield return request("json-array", Encoding.UTF8.GetBytes("[{\"action\":\"opened\"}]"));
        yield return request("nested-too-deep", Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "}"));
        yield return request("not-utf8", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);
        yield return request("two-documents", [.. goodPayload, .. goodPayload]);
    }

    private static IEnumerable<WebhookRequest> Oversized(Func<string, byte[], WebhookRequest> request)
    {
        var huge = Encoding.UTF8.GetBytes("{\"action\":\"edited\",\"padding\":\"" + new string('x', OverLimit) + "\"}");
        for (var i = 0; i < 2; i++)
        {
            yield return request("oversized", huge);
            yield return request("oversized-chunked", huge) with { Chunked = true };
        }
    }

    private static WebhookRequest Signed(string secret, string kind, byte[] body) =>
        WebhookRequest.Signed(secret, "pull_request", Guid.NewGuid().ToString(), body) with { Kind = kind };

    private static WebhookRequest Authentic(string secret, string kind, byte[] body) =>
        new(kind, AzureDevOpsFleet.Headers(secret), body) { Route = AzureDevOpsRoute };

    private static byte[] Without(byte[] payload, string property)
    {
        var json = JsonNode.Parse(payload)!.AsObject();
        json.Remove(property);
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static WebhookRequest Without(WebhookRequest request, string header) =>
        request with { Headers = request.Headers.Where(h => h.Key != header).ToDictionary() };

    private static WebhookRequest With(WebhookRequest request, string header, string value) =>
        request with { Headers = new Dictionary<string, string>(request.Headers) { [header] = value } };
}
