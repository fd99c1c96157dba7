using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Hosting.Digest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AnatomyBot.Functions.Tests;

public sealed class WeeklyDigestJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RelativeAnatomyPath_IsReadFromTheAppFolder_AndTheLastCompleteWeekIsPublished()
    {
        var name = $"digest-anatomy-{Guid.NewGuid():N}.yml";
        var sample = Path.Combine(AppContext.BaseDirectory, name);
        File.Copy(SampleAnatomy(), sample);
        try
        {
            var sink = new Mock<IDigestSink>();
            WeeklyDigest? published = null;
            sink.Setup(s => s.PublishAsync(It.IsAny<WeeklyDigest>(), It.IsAny<CancellationToken>()))
                .Callback<WeeklyDigest, CancellationToken>((d, _) => published = d)
                .ReturnsAsync(new DigestPublication("test", DigestPublicationAction.Created, "memory"));

            var run = await Job(name, sink.Object, new FakeLogger<WeeklyDigestJob>()).RunAsync(CancellationToken.None);

            Assert.NotNull(run);
            Assert.NotNull(published);
            Assert.Equal("2026-W48", published.Week?.ToString());
        }
        finally
        {
            File.Delete(sample);
        }
    }

    [Fact]
    public async Task MissingAnatomyFile_IsLoggedAndNothingIsPublished()
    {
        var sink = new Mock<IDigestSink>(MockBehavior.Strict);
        var logs = new FakeLogger<WeeklyDigestJob>();

        var run = await Job("no-such-anatomy.yml", sink.Object, logs).RunAsync(CancellationToken.None);

        Assert.Null(run);
        var error = Assert.Single(logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "no-such-anatomy.yml"), error.Message, StringComparison.Ordinal);
    }

    private static WeeklyDigestJob Job(string anatomyPath, IDigestSink sink, FakeLogger<WeeklyDigestJob> logs)
    {
        var ledger = new Mock<IEvaluationLedger>();
        ledger.Setup(l => l.ListLatestAsync(It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<StoredEvaluation>());
        ledger.Setup(l => l.ListGapEventsAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(AsyncEnumerable.Empty<GapEvent>());
        return new WeeklyDigestJob(
            new DigestService(ledger.Object),
            [sink],
            Options.Create(new WeeklyDigestOptions { AnatomyPath = anatomyPath }),
            new FakeTimeProvider(Now),
            logs);
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
