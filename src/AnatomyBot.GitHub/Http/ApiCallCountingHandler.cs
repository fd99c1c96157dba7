namespace AnatomyBot.GitHub.Http;

/// <summary>Innermost handler: every request that reaches the network is counted into <see cref="ApiUsage.Current"/>.</summary>
internal sealed class ApiCallCountingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ApiUsage.Current?.Record(request.Method);
        return base.SendAsync(request, cancellationToken);
    }
}
