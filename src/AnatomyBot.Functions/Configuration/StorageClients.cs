using AnatomyBot.Hosting.Queues;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;

namespace AnatomyBot.Functions.Configuration;

/// <summary>The queue and table clients of <see cref="WebJobsStorageOptions"/>: from the connection string, or from the service
/// endpoints with the managed identity (so the account can refuse shared keys).</summary>
public static class StorageClients
{
    public static TableServiceClient Tables(WebJobsStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsIdentityBased
            ? new TableServiceClient(options.TableEndpoint, Credential(options))
            : new TableServiceClient(options.ConnectionString);
    }

    public static StorageQueueScheduler Queue(WebJobsStorageOptions options, string queueName)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsIdentityBased)
        {
            return StorageQueueScheduler.Create(options.ConnectionString!, queueName);
        }

        var service = new QueueServiceClient(options.QueueEndpoint, Credential(options), StorageQueueScheduler.ClientOptions());
        return new StorageQueueScheduler(service.GetQueueClient(queueName), service.GetQueueClient(queueName + "-poison"));
    }

    private static TokenCredential Credential(WebJobsStorageOptions options) =>
        string.Equals(options.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ClientId))
            : new DefaultAzureCredential();
}
