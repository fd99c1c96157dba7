using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Hosting.Digest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Hosting.Tests.Digest;

public sealed class WeeklyDigestJobTests
{
    /// <summary>Monday 07:00 UTC: the week 2026-W48 (23–29 November) has just ended in UTC.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    private readonly FakeLogger<WeeklyDigestJob> _logs = new();

    [Fact]
    public async Task RunAsync_RelativeAnatomyPath_ReadsItFromTheAppFolderAndPublishesTheLastCompleteWeek()
    {
        var name = $"digest-anatomy-{Guid.NewGuid():N}.yml";
        var copy = Path.Combine(AppContext.BaseDirectory, name);
        File.Copy(SampleAnatomy(), copy);
        try
        {
            var (sink, published) = Sink();

            var run = await Job(name, sink).RunAsync(TestContext.Current.CancellationToken);

            Assert.NotNull(run);
            Assert.Equal("2026-W48", Assert.Single(published).Week?.ToString());
            var line = Assert.Single(_logs.Collector.GetSnapshot());
            Assert.Equal(LogLevel.Information, line.Level);
            Assert.StartsWith("Weekly digest 2026-W48: ", line.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task RunAsync_TimeZoneWhereTheWeekHasNotEnded_PublishesTheWeekBefore()
    {
        var (sink, published) = Sink();

        // 07:00 UTC on Monday is 23:00 on Sunday in Los Angeles: there, 2026-W48 is not over yet.
        await Job(SampleAnatomy(), sink, "America/Los_Angeles").RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal("2026-W47", Assert.Single(published).Week?.ToString());
    }

    [Fact]
    public async Task RunAsync_MissingAnatomyFile_LogsTheFullPathAndPublishesNothing()
    {
        var sink = new Mock<IDigestSink>(MockBehavior.Strict);

        var run = await Job("no-such-anatomy.yml", sink.Object).RunAsync(TestContext.Current.CancellationToken);

        Assert.Null(run);
        var error = Assert.Single(_logs.Collector.GetSnapshot());
        Assert.Equal(
            (LogLevel.Error, $"Weekly digest skipped: no anatomy file at {Path.Combine(AppContext.BaseDirectory, "no-such-anatomy.yml")}; deploy anatomy.yml with the app or set Digest:AnatomyPath"),
            (error.Level, error.Message));
    }

    [Fact]
    public async Task RunAsync_InvalidAnatomy_LogsItsErrorCountAndPublishesNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"digest-anatomy-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(path, "outcomes: [ this is not an anatomy", TestContext.Current.CancellationToken);
        try
        {
            var run = await Job(path, new Mock<IDigestSink>(MockBehavior.Strict).Object).RunAsync(TestContext.Current.CancellationToken);

            Assert.Null(run);
            var error = Assert.Single(_logs.Collector.GetSnapshot());
            Assert.Equal(LogLevel.Error, error.Level);
            Assert.Matches($"^Weekly digest skipped: the anatomy {System.Text.RegularExpressions.Regex.Escape(path)} has [1-9][0-9]* errors$", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private WeeklyDigestJob Job(string anatomyPath, IDigestSink sink, string timeZone = "UTC")
    {
        var ledger = new Mock<IEvaluationLedger>();
        ledger.Setup(l => l.ListLatestAsync(It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<StoredEvaluation>());
        ledger.Setup(l => l.ListGapEventsAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(AsyncEnumerable.Empty<GapEvent>());
        return new WeeklyDigestJob(
            new DigestService(ledger.Object),
            [sink],
            Options.Create(new WeeklyDigestOptions { AnatomyPath = anatomyPath, TimeZone = timeZone }),
            new FakeTimeProvider(Now),
            _logs);
    }

    private static (IDigestSink Sink, List<WeeklyDigest> Published) Sink()
    {
        var published = new List<WeeklyDigest>();
        var sink = new Mock<IDigestSink>();
        sink.Setup(s => s.PublishAsync(It.IsAny<WeeklyDigest>(), It.IsAny<CancellationToken>()))
            .Callback<WeeklyDigest, CancellationToken>((d, _) => published.Add(d))
            .ReturnsAsync(new DigestPublication("test", DigestPublicationAction.Created, "memory"));
        return (sink.Object, published);
    }

    private static string SampleAnatomy()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AnatomyBot.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("repository root not found"), "samples", "onboarding", "anatomy.yml");
    }
}
