using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace AnatomyBot.Functions.Configuration;

/// <summary>The storage account the queue and the ledgers live in: the Functions host's own <c>AzureWebJobsStorage</c>
/// connection, either a connection string (Azurite, or a Key Vault reference to one) or identity-based, the way the host
/// itself reads it: <c>AzureWebJobsStorage__queueServiceUri</c> + <c>__tableServiceUri</c> (or <c>__accountName</c>),
/// <c>__credential</c> = <c>managedidentity</c> and, for a user-assigned identity, <c>__clientId</c>.</summary>
public sealed class WebJobsStorageOptions : IValidatableObject
{
    public const string ConnectionName = "AzureWebJobsStorage";

    /// <summary>A connection string (<c>AzureWebJobsStorage</c> itself).</summary>
    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary><c>managedidentity</c>, or empty for the default Azure credential chain.</summary>
    public string? Credential { get; set; }

    /// <summary>Client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    public bool IsIdentityBased => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Queue endpoint: the configured one, else the public-cloud endpoint of <see cref="AccountName"/>.</summary>
    public Uri? QueueEndpoint => QueueServiceUri ?? Endpoint("queue");

    public Uri? TableEndpoint => TableServiceUri ?? Endpoint("table");

    /// <summary>Reads the connection as the Functions host does: the value of <c>AzureWebJobsStorage</c>, or its children.</summary>
    public static void Read(WebJobsStorageOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ConnectionName);
        options.ConnectionString = section.Value;
        options.AccountName = section["accountName"];
        options.QueueServiceUri = UriOrNull(section["queueServiceUri"]);
        options.TableServiceUri = UriOrNull(section["tableServiceUri"]);
        options.Credential = section["credential"];
        options.ClientId = section["clientId"];
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsIdentityBased)
        {
            yield break;
        }

        if (QueueEndpoint is null || TableEndpoint is null)
        {
            yield return new ValidationResult(
                "AzureWebJobsStorage must name the storage account: a connection string (or a Key Vault reference to one), or identity-based "
                + "AzureWebJobsStorage__queueServiceUri and AzureWebJobsStorage__tableServiceUri (or AzureWebJobsStorage__accountName).",
                [nameof(ConnectionString)]);
        }
    }

    private Uri? Endpoint(string service) =>
        string.IsNullOrWhiteSpace(AccountName) ? null : new Uri($"https://{AccountName}.{service}.core.windows.net");

    private static Uri? UriOrNull(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
