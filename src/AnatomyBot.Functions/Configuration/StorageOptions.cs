using System.ComponentModel.DataAnnotations;

namespace AnatomyBot.Functions.Configuration;

/// <summary>The storage account the queue and the ledgers live in: the Functions host's own <c>AzureWebJobsStorage</c>
/// connection (a connection string; in Azure a Key Vault reference to one).</summary>
public sealed class StorageOptions
{
    [Required(ErrorMessage = "AzureWebJobsStorage must name the storage account (connection string or Key Vault reference).")]
    public string? AzureWebJobsStorage { get; set; }
}
