using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary><c>check</c>'s pipeline once its token is cancelled: it stops at the backlog's next read or after the
/// evaluation, throws instead of returning a report, and takes its progress bar down.</summary>
public sealed class CheckPipelineCancellationTests
{
    private const int Items = 60_000;

    private static readonly EnterpriseAnatomy Anatomy =
        AnatomyParser.Parse(File.ReadAllText(CheckCli.Fixture("anatomy.yml"))).Anatomy!;

    [Fact]
    public void Run_TokenAlreadyCancelled_ThrowsWithoutReading()
    {
        using var file = new MemoryStream(StoryBacklog.Json(Items));

        Assert.Throws<OperationCanceledException>(() => CheckPipeline.Run(Anatomy, [("backlog.json", file)], FailOn.Block, cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, file.Position);
    }

    [Fact]
    public void Run_CancelledWhileReading_StopsAtTheNextRead_ProgressDone()
    {
        using var cancel = new CancellationTokenSource();
        using var file = new CancellingStream(StoryBacklog.Json(Items), cancel);
        var progress = new RecordingProgress();

        Assert.Throws<OperationCanceledException>(() => CheckPipeline.Run(Anatomy, [("backlog.json", file)], FailOn.Block, progress, cancellationToken: cancel.Token));

        Assert.Equal(1, file.Reads);
        Assert.True(file.Position < file.Length / 4, $"read {file.Position} of {file.Length} bytes");
        Assert.Equal(["reading", "done"], progress.Steps);
    }

    [Fact]
    public void Run_CancelledDuringTheEvaluation_NoReport_ProgressDone()
    {
        using var cancel = new CancellationTokenSource();
        using var file = new MemoryStream(StoryBacklog.Json(100));
        var progress = new RecordingProgress { OnEvaluating = cancel.Cancel };

        Assert.Throws<OperationCanceledException>(() => CheckPipeline.Run(Anatomy, [("backlog.json", file)], FailOn.Block, progress, cancellationToken: cancel.Token));

        Assert.Equal(["reading", "evaluating", "done"], progress.Steps);
    }

    [Fact]
    public void Run_NotCancelled_EveryItem()
    {
        using var cancel = new CancellationTokenSource();
        using var file = new MemoryStream(StoryBacklog.Json(Items));

        var report = CheckPipeline.Run(Anatomy, [("backlog.json", file)], FailOn.Block, cancellationToken: cancel.Token);

        Assert.Equal(Items, report.Items.Count);
    }

    /// <summary>A file in memory that cancels the run on its first read (Ctrl+C while the first window is parsed).</summary>
    private sealed class CancellingStream(byte[] bytes, CancellationTokenSource cancel) : MemoryStream(bytes)
    {
        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            cancel.Cancel();
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            cancel.Cancel();
            return base.Read(buffer);
        }
    }

    private sealed class RecordingProgress : ICheckProgress
    {
        public List<string> Steps { get; } = [];

        public Action? OnEvaluating { get; init; }

        public void Reading(string file, long bytes) => Steps.Add("reading");

        public void Read(long bytesConsumed)
        {
        }

        public void Evaluating(int items)
        {
            Steps.Add("evaluating");
            OnEvaluating?.Invoke();
        }

        public void Done() => Steps.Add("done");
    }
}
