using System.Net;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Azure DevOps answered a request with an error the bot cannot work around (401, 403, 400…): broken
/// configuration or permissions, not a passing condition. Carries the operation, never the credentials.</summary>
public sealed class AzureDevOpsApiException : Exception
{
    public AzureDevOpsApiException()
    {
    }

    public AzureDevOpsApiException(string message)
        : base(message)
    {
    }

    public AzureDevOpsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AzureDevOpsApiException(ApiOperation operation, HttpStatusCode statusCode, string detail)
        : base($"Azure DevOps {operation} answered {(int)statusCode} {statusCode}: {detail}")
    {
        Operation = operation;
        StatusCode = statusCode;
    }

    public ApiOperation? Operation { get; }

    public HttpStatusCode? StatusCode { get; }
}
