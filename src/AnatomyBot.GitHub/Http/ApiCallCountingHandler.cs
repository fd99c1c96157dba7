using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.GitHub.Http;

/// <summary>Innermost handler: every request that reaches the network is counted into <see cref="ApiCallTally.Current"/>
/// (a write unless it is a GET or HEAD).</summary>
internal sealed class ApiCallCountingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ApiCallTally.Current?.Record(isWrite: request.Method != HttpMethod.Get && request.Method != HttpMethod.Head);
        return base.SendAsync(request, cancellationToken);
    }
}
