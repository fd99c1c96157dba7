using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Hosting.Http;

/// <summary>One Debug line per platform API call (method, host and path without the query, status, time), in place of
/// the HTTP client factory's four Information lines per call: a delivery may make a hundred calls, and a log at
/// Information should say what the bot did, not each request it took.</summary>
internal sealed partial class ApiCallLogger(ILogger<ApiCallLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        Log.Called(logger, request.Method, request.RequestUri?.Host, request.RequestUri?.AbsolutePath, (int)response.StatusCode, (long)elapsed.TotalMilliseconds);
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        Log.Failed(logger, request.Method, request.RequestUri?.Host, request.RequestUri?.AbsolutePath, (long)elapsed.TotalMilliseconds, exception);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "API call {Method} {Host}{Path}: {Status} in {ElapsedMs} ms")]
        public static partial void Called(ILogger logger, HttpMethod method, string? host, string? path, int status, long elapsedMs);

        [LoggerMessage(EventId = 7002, Level = LogLevel.Debug, Message = "API call {Method} {Host}{Path} failed after {ElapsedMs} ms")]
        public static partial void Failed(ILogger logger, HttpMethod method, string? host, string? path, long elapsedMs, Exception exception);
    }
}
