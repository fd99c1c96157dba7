using System.Text;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Testing;

/// <summary>A channel ingress for the hosting tests: accepts a request that carries <c>X-GitHub-Delivery</c>, rejects one
/// without it with 401 on its headers alone (the real channels' authentication is tested in their own projects). Link this file into a test
/// project with <c>&lt;Compile Include="../Shared/HeaderIngress.cs" Link="Shared/HeaderIngress.cs" /&gt;</c>.</summary>
internal sealed class HeaderIngress(long maxBodyBytes = 1024) : IWebhookIngress
{
    public string Platform => Platforms.GitHub;

    public long MaxBodyBytes => maxBodyBytes;

    public IngressResult? Screen(IReadOnlyDictionary<string, string> headers) =>
        headers.ContainsKey("X-GitHub-Delivery") ? null : IngressResult.Rejected(401, "missing signature");

    public IngressResult Accept(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, DateTimeOffset receivedAt) =>
        headers.TryGetValue("X-GitHub-Delivery", out var id)
            ? IngressResult.Accepted(new Delivery { Platform = Platforms.GitHub, Id = id, EventName = "issues", Body = Encoding.UTF8.GetString(body), ReceivedAt = receivedAt })
            : IngressResult.Rejected(401, "missing signature");
}
