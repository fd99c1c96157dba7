using System.Text;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Cli.Tests.Checking;

public sealed class InPlaceReadingTests
{
    [Fact]
    public void Read_WorkItemsInPlace_AcrossWindows_MatchTheirBytesReadApart_AndOtherEntriesComeAsBytes()
    {
        // Enough items for many batches: the reader refills the drafts of batches already mapped.
        const int Count = 3000;
        var entries = new List<byte[]>();
        for (var i = 0; i < Count; i++)
        {
            var text = i switch
            {
                100 => """{"number":100,"title":"A GitHub issue","body":"","state":"open"}""",
                200 => """{"id":200}""",
                300 => """{"id":300, /* a comment */ "fields":{"System.Title":"Commented","System.WorkItemType":"Epic"}}""",
                _ => $$$"""{"id":{{{i}}},"url":"https://x/{{{i}}}","fields":{"System.WorkItemType":"{{{(i % 3 == 0 ? "Feature" : "User Story")}}}","System.Title":{{{Title(i)}}},"System.State":"{{{(i % 5 == 0 ? "Closed" : "Active")}}}","System.Tags":"a; b","System.Description":{{{Description(i)}}},"Custom.Other":{"deep":[1,2,{"x":"}"}]}},"relations":[{"rel":"System.LinkTypes.Hierarchy-Reverse","url":"https://x/_apis/wit/workItems/{{{i / 2}}}"}]}""",
            };
            var bytes = Encoding.UTF8.GetBytes(text);
            var title = bytes.AsSpan().IndexOf("Item "u8) + 5;
            var outcome = bytes.AsSpan().IndexOf("outcome: "u8) + 9;
            entries.Add(i switch
            {
                400 => [.. bytes[..title], 0xC3, 0x28, .. bytes[title..]],
                502 => [.. bytes[..outcome], 0xFF, .. bytes[outcome..]], // in the description: not decoded on a worker
                _ => bytes,
            });
        }

        var file = new List<byte>(Encoding.UTF8.GetBytes($"{{\"count\":{Count},\"value\":["));
        for (var i = 0; i < entries.Count; i++)
        {
            file.AddRange(i == 0 ? [] : ",\n"u8.ToArray());
            file.AddRange(entries[i]);
        }

        file.AddRange("]}"u8.ToArray());
        var sink = new RecordingSink();

        BacklogReader.Read("mixed.json", new MemoryStream([.. file]), sink);

        var got = sink.Parts.SelectMany(p => p.Entries).ToList();
        Assert.Equal(Count, got.Count);
        Assert.Equal([100, 200, 400, 502], got.Select((e, i) => (e, i)).Where(x => x.e.Id is null).Select(x => x.i));
        Assert.Equal(Enumerable.Range(0, Count).Where(i => i is not (100 or 200 or 400 or 502)), got.Where(e => e.Index is null).Select(e => int.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(file.Count > 4 * 256 * 1024, "the file spans several of the reader's windows");
        var apart = new AzureDevOpsItemReader(["Custom.Other"]);
        foreach (var entry in got.Where(e => e.Id is not null))
        {
            var id = int.Parse(entry.Id!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(apart.TryRead(entries[id], out _));
            Assert.Equal(Describe(apart.Draft, apart.Body), entry.Read);
        }
    }

    /// <summary>A title's JSON: most escaped strings (decoded on a worker), some too long to keep whole, not UTF-16, or
    /// no string (decoded on the reading thread).</summary>
    private static string Title(int i) => (i % 17) switch
    {
        1 => $"\"Item {i} {new string('t', 1100)}\"",
        2 => $"\"Item {i} \\udc00\"",
        3 => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        4 => $"\"Item {i} plain\"",
        _ => $"\"Item {i} \\u00e9\"",
    };

    /// <summary>A description's JSON: most plain strings (decoded on a worker), some escaped (decoded on a worker too),
    /// some that may fail to decode or are no string (decoded on the reading thread), some of many bytes per character.</summary>
    private static string Description(int i) => (i % 13) switch
    {
        1 => """
            "<p>say \"hi\" \u003cb\u003e P1-1 \\ \/</p>\n"
            """,
        2 => """
            "<p>a pair \ud83d\ude00 P1-2</p>"
            """,
        3 => """
            "<p>a lone \udc00 P1-3</p>"
            """,
        4 => "\"<p>caf\u00e9 \u4e2d \U0001F600 P1-4</p>\"",
        5 => "42",
        6 => "null",
        7 => "\"\"",
        _ => $"\"<p>Strategic outcome: P1-{i % 7}</p>{new string('x', i * 7 % 3000)}\"",
    };

    private static string Describe(WorkItemDraft d, ReadOnlySpan<char> body) =>
        $"{d.Id}|{d.Source}|{d.Kind}|{d.Title}|{d.BodyFormat}|{string.Join(",", d.Labels)}|{string.Join(",", d.Fields.Select(f => $"{f.Key}={f.Value}"))}|{d.ParentId}|{d.Author}|{d.Scope}|{d.Url}|{d.IsOpen}|{string.Join(",", d.Diagnostics)}|{body}";

    private sealed class RecordingSink : IBacklogSink
    {
        public InPlaceReading? InPlace { get; } = new(new AzureDevOpsItemReader(["Custom.Other"]), withUrls: false);

        public List<Part> Parts { get; } = [];

        public IBacklogSinkPart StartPart()
        {
            var part = new Part();
            Parts.Add(part);
            return part;
        }

        internal sealed class Part : IBacklogSinkPart
        {
            /// <summary>Each entry: the id and what was read of a draft (the reader refills drafts once a part is
            /// disposed), or the index of an entry that came as bytes.</summary>
            public List<(string? Id, string? Read, int? Index)> Entries { get; } = [];

            public void Add(ReadOnlyMemory<byte> utf8, int index) => Entries.Add((null, null, index));

            public void Add(WorkItemDraft draft, ReadOnlySpan<char> body) => Entries.Add((draft.Id, Describe(draft, body), null));

            public void Dispose()
            {
            }
        }
    }
}
