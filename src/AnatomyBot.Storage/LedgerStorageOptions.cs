namespace AnatomyBot.Storage;

/// <summary>Where the ledgers live: exactly one of a SQLite file (the embedded default) or an Azure Storage connection
/// string (Table Storage). Config keys: <c>Storage:SqlitePath</c>, <c>Storage:AzureStorageConnectionString</c>,
/// <c>Storage:TablePrefix</c>.</summary>
public sealed class LedgerStorageOptions
{
    public const string SectionName = "Storage";

    public string? SqlitePath { get; set; }

    public string? AzureStorageConnectionString { get; set; }

    /// <summary>Prefix of the table names (letters and digits), so several bots can share an account.</summary>
    public string TablePrefix { get; set; } = Tables.TableLedgerStore.DefaultPrefix;

    /// <summary>Reads a <c>--store</c> value: an Azure Storage connection string (it holds <c>AccountName=</c>,
    /// <c>TableEndpoint=</c> or <c>UseDevelopmentStorage=true</c>) or else a SQLite file path.</summary>
    public static LedgerStorageOptions Parse(string store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        return IsConnectionString(store)
            ? new LedgerStorageOptions { AzureStorageConnectionString = store }
            : new LedgerStorageOptions { SqlitePath = store };
    }

    public static bool IsConnectionString(string value) =>
        value.Contains("AccountName=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("TableEndpoint=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Start-up validation: the problems as sentences, empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var hasPath = !string.IsNullOrWhiteSpace(SqlitePath);
        var hasAzure = !string.IsNullOrWhiteSpace(AzureStorageConnectionString);
        var problems = new List<string>();
        if (hasPath == hasAzure)
        {
            problems.Add("Set exactly one of Storage:SqlitePath and Storage:AzureStorageConnectionString.");
        }

        if (string.IsNullOrWhiteSpace(TablePrefix) || !char.IsAsciiLetter(TablePrefix[0]) || !TablePrefix.All(char.IsAsciiLetterOrDigit) || TablePrefix.Length > 40)
        {
            problems.Add("Storage:TablePrefix must be 1-40 ASCII letters or digits starting with a letter.");
        }

        return problems;
    }
}
