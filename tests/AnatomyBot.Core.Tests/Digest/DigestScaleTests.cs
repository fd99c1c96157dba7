using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Digest;

/// <summary>A million generated gap events over 10,000 items, streamed: the counts must come out right.</summary>
public sealed class DigestScaleTests
{
    private const int EventCount = 1_000_000;
    private const int ItemCount = 10_000;

    [Fact]
    public async Task MillionEvents_TrendCountsMatchTheGeneratedEvents()
    {
        var request = DigestFixture.Request();
        var start = request.EventsSince;
        var span = request.WeekEnd - start;
        var expectedOpened = new int[8];
        var expectedClosed = new int[8];
        foreach (var e in Events(start, span))
        {
            var week = (int)((e.At - start).Ticks / TimeSpan.FromDays(7).Ticks);
            (e.Kind == GapEventKind.Opened ? expectedOpened : expectedClosed)[week]++;
        }

        var digest = await DigestBuilder.BuildAsync(request, Stream(Items()), Stream(Events(start, span)), CancellationToken.None);

        Assert.Equal(expectedOpened, digest.Trend.Select(p => p.Opened));
        Assert.Equal(expectedClosed, digest.Trend.Select(p => p.Closed));
        Assert.Equal(EventCount, digest.Trend.Sum(p => p.Opened + p.Closed));
        Assert.Equal(ItemCount, digest.ItemCount);
        Assert.Equal(ItemCount / 2, digest.Headline[1].Total);
        Assert.Equal(ItemCount / 4, digest.Headline[1].Linked);
        Assert.Equal(ItemCount / 4, digest.Attention.Count + digest.MoreAttention);
    }

    /// <summary>Event i touches item i % ItemCount; each item's no-component gap alternately opens and closes.</summary>
    private static IEnumerable<GapEvent> Events(DateTimeOffset start, TimeSpan span)
    {
        var step = span.Ticks / EventCount;
        for (var i = 0; i < EventCount; i++)
        {
            var item = i % ItemCount;
            var kind = (i / ItemCount) % 2 == 0 ? GapEventKind.Opened : GapEventKind.Closed;
            yield return new GapEvent(ItemSource.GitHub, Id(item), GapCodes.NoComponent, GapSeverity.Warn, kind, start.AddTicks(step * i));
        }
    }

    /// <summary>Half the items are open stories; every other one of those still has its gap open.</summary>
    private static IEnumerable<StoredEvaluation> Items()
    {
        for (var i = 0; i < ItemCount; i++)
        {
            var story = i % 2 == 0;
            var open = story && i % 4 == 0;
            yield return new StoredEvaluation
            {
                Source = ItemSource.GitHub,
                ItemId = Id(i),
                Kind = story ? ItemKind.Story : ItemKind.Feature,
                Title = "Item " + i,
                Layer = Layer.Stage,
                Trace = new Trace(["O-FAST"], ["ST-APPLY"], [], open ? [] : ["C-RULES"]),
                Gaps = open ? new Dictionary<string, GapSeverity> { [GapCodes.NoComponent] = GapSeverity.Warn } : new Dictionary<string, GapSeverity>(),
                IsOpen = story,
                FirstSeen = DigestFixture.Oct(1),
                EvaluatedAt = DigestFixture.Nov(20),
            };
        }
    }

    private static string Id(int i) => "contoso/big#" + i;

#pragma warning disable CS1998 // an async iterator over a sequence, as a ledger would stream it
    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> source)
    {
        foreach (var item in source)
        {
            yield return item;
        }
    }
#pragma warning restore CS1998
}
