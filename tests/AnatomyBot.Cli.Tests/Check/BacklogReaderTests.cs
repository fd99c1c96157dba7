using System.Text;
using AnatomyBot.Cli.Commands.Check;

namespace AnatomyBot.Cli.Tests.Checking;

public sealed class BacklogReaderTests
{
    [Fact]
    public void Read_ManyBatches_KeepsFileOrderAndReportsEachBadItemWhereItIs()
    {
        var json = new StringBuilder("{\"count\":2500,\"value\":[");
        for (var i = 0; i < 2500; i++)
        {
            json.Append(i == 0 ? "" : ",");
            json.Append(i % 500 == 7
                ? $"{{\"id\":{i}}}"
                : $"{{\"id\":{i},\"fields\":{{\"System.WorkItemType\":\"User Story\",\"System.Title\":\"Item {i} {new string('x', i % 700)}\"}}}}");
        }

        json.Append("]}");
        var sink = new WorkItemSink("big.json", new AzureDevOpsReaders([]));

        BacklogReader.Read("big.json", new MemoryStream(Encoding.UTF8.GetBytes(json.ToString())), sink);
        var entries = sink.Entries.ToList();

        Assert.Equal(2500, entries.Count);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(e => e.Id));
        var broken = entries.Select((e, i) => (e, i)).Where(x => x.e.Item is null).Select(x => x.i).ToArray();
        Assert.Equal([7, 507, 1007, 1507, 2007], broken);
        Assert.All(entries.Where(e => e.Item is not null), e => Assert.StartsWith($"Item {e.Id} ", e.Item!.Title, StringComparison.Ordinal));
        Assert.Contains("item 507 of big.json", entries[507].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileCutInsideTheArray_AfterManyItems_IsAFileError()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < 1200; i++)
        {
            json.Append($"{{\"id\":{i},\"fields\":{{\"System.Title\":\"t\"}}}},");
        }

        json.Append("{\"id\":1200,\"fie");
        var sink = new WorkItemSink("cut.json", new AzureDevOpsReaders([]));

        var error = Assert.Throws<BacklogFileException>(() =>
            BacklogReader.Read("cut.json", new MemoryStream(Encoding.UTF8.GetBytes(json.ToString())), sink));

        Assert.Contains("cut.json", error.Message, StringComparison.Ordinal);
    }
}
