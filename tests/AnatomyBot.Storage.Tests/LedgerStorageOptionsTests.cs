using AnatomyBot.Core.Ledger;
using AnatomyBot.Storage.Sqlite;
using AnatomyBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Storage.Tests;

public sealed class LedgerStorageOptionsTests
{
    [Theory]
    [InlineData("ledger.db", false)]
    [InlineData("/var/lib/anatomybot/ledger.db", false)]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net", true)]
    public void Parse_StoreValue_PicksTheBackend(string store, bool azure)
    {
        var options = LedgerStorageOptions.Parse(store);

        Assert.Equal(azure, options.AzureStorageConnectionString is not null);
        Assert.Equal(!azure, options.SqlitePath is not null);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_NeitherOrBoth_AndBadPrefix_AreReported()
    {
        Assert.Single(new LedgerStorageOptions().Validate());
        Assert.Single(new LedgerStorageOptions { SqlitePath = "a.db", AzureStorageConnectionString = "UseDevelopmentStorage=true" }.Validate());
        Assert.Single(new LedgerStorageOptions { SqlitePath = "a.db", TablePrefix = "1-bad" }.Validate());
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddAnatomyBotStorage(new LedgerStorageOptions()));
    }

    [Fact]
    public void AddAnatomyBotStorage_SqlitePath_RegistersSqliteLedgersOnOneDatabase()
    {
        using var folder = new TempFolder();
        using var provider = new ServiceCollection().AddAnatomyBotStorage(LedgerStorageOptions.Parse(folder.File("l.db"))).BuildServiceProvider();

        Assert.IsType<SqliteDeliveryLedger>(provider.GetRequiredService<IDeliveryLedger>());
        Assert.IsType<SqliteEvaluationLedger>(provider.GetRequiredService<IEvaluationLedger>());
        Assert.Same(provider.GetRequiredService<SqliteLedgerDatabase>(), provider.GetRequiredService<SqliteLedgerDatabase>());
    }

    [Fact]
    public void AddAnatomyBotStorage_ConnectionString_RegistersTableLedgers()
    {
        using var provider = new ServiceCollection().AddAnatomyBotStorage(LedgerStorageOptions.Parse("UseDevelopmentStorage=true")).BuildServiceProvider();

        Assert.IsType<TableDeliveryLedger>(provider.GetRequiredService<IDeliveryLedger>());
        Assert.IsType<TableEvaluationLedger>(provider.GetRequiredService<IEvaluationLedger>());
    }
}
