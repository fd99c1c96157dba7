using System.Text;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>A body received as UTF-8 bytes is bound as a blob and cast, so the row holds the same TEXT a string would.</summary>
public sealed class SqliteDeliveryBodyTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData("""{"a":"ü – 支払い 🚀"}""", true)]
    [InlineData("""{"a":"ü – 支払い 🚀"}""", false)]
    [InlineData("", false)]
    public async Task TryAdd_BodyAsBytesOrText_StoresTheSameText(string body, bool asBytes)
    {
        var path = folder.File("ledger.db");
        using (var database = new SqliteLedgerDatabase(path))
        {
            var delivery = new Delivery { Platform = Platforms.GitHub, Id = "d", EventName = "pull_request", Body = body, ReceivedAt = DateTimeOffset.UnixEpoch };
            await new SqliteDeliveryLedger(database).TryAddAsync(asBytes ? delivery with { Body = null!, Utf8Body = Encoding.UTF8.GetBytes(body) } : delivery, default);
        }

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(body), body FROM deliveries WHERE id = 'd';";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(("text", body), (reader.GetString(0), reader.GetString(1)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
