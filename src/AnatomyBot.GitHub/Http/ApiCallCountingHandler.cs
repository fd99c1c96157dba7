using System.Globalization;
using System.Net;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.GitHub.Http;

/// <summary>Innermost handler: every request that reaches the network is counted into <see cref="ApiCallTally.Current"/>
/// (a write unless it is a GET or HEAD) and into <see cref="AnatomyBotTelemetry"/> (read, write or not-modified, and the
/// <c>x-ratelimit-remaining</c> GitHub answered).</summary>
internal sealed class ApiCallCountingHandler(AnatomyBotTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isWrite = request.Method != HttpMethod.Get && request.Method != HttpMethod.Head;
        ApiCallTally.Current?.Record(isWrite);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        telemetry.ApiCall(Platforms.GitHub, isWrite, response.StatusCode == HttpStatusCode.NotModified);
        if (response.Headers.TryGetValues("x-ratelimit-remaining", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining))
        {
            telemetry.QuotaRemaining(Platforms.GitHub, remaining);
        }

        return response;
    }
}
