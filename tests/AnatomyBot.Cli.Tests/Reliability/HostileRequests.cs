using System.Text;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>Requests <c>serve</c> must refuse, each kind with the status it must answer: bodies that are not one JSON object,
/// missing or wrong signatures, missing headers, and bodies over GitHub's 25 MB limit (with and without a
/// <c>Content-Length</c>).</summary>
internal static class HostileRequests
{
    private const int OverLimit = (25 * 1024 * 1024) + 1;

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
        ["oversized"] = 413,
        ["oversized-chunked"] = 413,
    };

    public static int ExpectedStatus(string kind) => Expected[kind];

    /// <summary>A body past the web server's own 32 MB cap as well, announced by its <c>Content-Length</c>.</summary>
    public static WebhookRequest OverServerLimit(string secret) => Signed(secret, "over-server-limit", new byte[40 * 1024 * 1024]);

    /// <summary>Several requests of every hostile kind (two of each oversized one), built around a good payload.</summary>
    public static IEnumerable<WebhookRequest> For(string secret, byte[] goodPayload)
    {
        for (var i = 0; i < 8; i++)
        {
            yield return Signed(secret, "truncated-json", goodPayload[..(goodPayload.Length / 2)]);
            yield return Signed(secret, "json-array", Encoding.UTF8.GetBytes("[{\"action\":\"opened\"}]"));
            yield return Signed(secret, "nested-too-deep", Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "}"));
            yield return Signed(secret, "not-utf8", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);
            yield return Signed(secret, "two-documents", [.. goodPayload, .. goodPayload]);
            yield return Without(Signed(secret, "no-delivery-id", goodPayload), "X-GitHub-Delivery");
            yield return Without(Signed(secret, "no-event", goodPayload), "X-GitHub-Event");
            yield return Without(Signed(secret, "unsigned", goodPayload), "X-Hub-Signature-256");
            yield return Signed("not-" + secret, "wrong-secret", goodPayload);
            yield return Signed(secret, "tampered-body", goodPayload) with { Body = [.. goodPayload[..^1], (byte)' ', .. goodPayload[^1..]] };
            yield return With(Signed(secret, "malformed-signature", goodPayload), "X-Hub-Signature-256", "sha256=zz" + new string('0', 10_000));
        }

        var huge = Encoding.UTF8.GetBytes("{\"action\":\"edited\",\"padding\":\"" + new string('x', OverLimit) + "\"}");
        for (var i = 0; i < 2; i++)
        {
            yield return Signed(secret, "oversized", huge);
            yield return Signed(secret, "oversized-chunked", huge) with { Chunked = true };
        }

    }

    private static WebhookRequest Signed(string secret, string kind, byte[] body) =>
        WebhookRequest.Signed(secret, "pull_request", Guid.NewGuid().ToString(), body) with { Kind = kind };

    private static WebhookRequest Without(WebhookRequest request, string header) =>
        request with { Headers = request.Headers.Where(h => h.Key != header).ToDictionary() };

    private static WebhookRequest With(WebhookRequest request, string header, string value) =>
        request with { Headers = new Dictionary<string, string>(request.Headers) { [header] = value } };
}
