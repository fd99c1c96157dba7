using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Links;
using AnatomyBot.Storage.Sqlite;
using AnatomyBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Storage;

/// <summary>Registers <see cref="IDeliveryLedger"/>, <see cref="IEvaluationLedger"/>, <see cref="IDeliveryFingerprintLedger"/>, <see cref="IDeliveryRetention"/>,
/// <see cref="IDeliveryKeyLedger"/>, <see cref="IAuditLedger"/> and <see cref="ILinkLedger"/> as singletons on one backend.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddAnatomyBotStorage(this IServiceCollection services, LedgerStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        return string.IsNullOrWhiteSpace(options.AzureStorageConnectionString)
            ? services.AddAnatomyBotSqliteStorage(options.SqlitePath!)
            : services.AddAnatomyBotTableStorage(options.AzureStorageConnectionString, options.TablePrefix);
    }

    public static IServiceCollection AddAnatomyBotSqliteStorage(this IServiceCollection services, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.AddSingleton(sp => new SqliteLedgerDatabase(path, sp.GetService<TimeProvider>()));
        services.AddSingleton<IDeliveryLedger, SqliteDeliveryLedger>();
        services.AddSingleton<IEvaluationLedger, SqliteEvaluationLedger>();
        services.AddSingleton<IDeliveryFingerprintLedger, SqliteDeliveryFingerprintLedger>();
        services.AddSingleton<IDeliveryRetention, SqliteDeliveryRetention>();
        services.AddSingleton<IDeliveryKeyLedger, SqliteDeliveryKeyLedger>();
        services.AddSingleton<IAuditLedger, SqliteAuditLedger>();
        services.AddSingleton<ILinkLedger, SqliteLinkLedger>();
        return services;
    }

    public static IServiceCollection AddAnatomyBotTableStorage(this IServiceCollection services, string connectionString, string tablePrefix = TableLedgerStore.DefaultPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return services.AddAnatomyBotTableStorage(_ => new TableLedgerStore(connectionString, tablePrefix));
    }

    /// <summary>Table Storage ledgers over a client built by the host (e.g. with a managed identity instead of a key).</summary>
    public static IServiceCollection AddAnatomyBotTableStorage(this IServiceCollection services, Func<IServiceProvider, TableLedgerStore> create)
    {
        services.AddSingleton(create);
        services.AddSingleton<IDeliveryLedger, TableDeliveryLedger>();
        services.AddSingleton<IEvaluationLedger, TableEvaluationLedger>();
        services.AddSingleton<IDeliveryFingerprintLedger, TableDeliveryFingerprintLedger>();
        services.AddSingleton<IDeliveryRetention, TableDeliveryRetention>();
        services.AddSingleton<IDeliveryKeyLedger, TableDeliveryKeyLedger>();
        services.AddSingleton<IAuditLedger, TableAuditLedger>();
        services.AddSingleton<ILinkLedger, TableLinkLedger>();
        return services;
    }
}
