using AnatomyBot.Core.Linkage.Batch;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The engine's batch, built on a thread of its own while the reading thread starts on the backlog: indexing
/// the anatomy and compiling the engine take a core for a few hundred milliseconds, and tokenising the file and reading
/// drafts need only the anatomy, not the engine. Problems come out as they would had the batch been built first: a
/// failed build is thrown in place of whatever the reading met meanwhile, and a reader that asks for the batch after the
/// build failed stops there.</summary>
internal sealed class PendingBatch
{
    private readonly Task<BacklogBatch> _build;

    private PendingBatch(Task<BacklogBatch> build) => _build = build;

    /// <summary>Whether the build is over (done or failed): <see cref="Batch"/> then returns or throws at once.</summary>
    public bool IsReady => _build.IsCompleted;

    /// <summary>The batch, once built (waits for the build); the build's own exception when it failed.</summary>
    public BacklogBatch Batch => _build.GetAwaiter().GetResult();

    /// <summary>Starts <paramref name="build"/> on a thread of its own (not the thread pool's: its workers prepare items).</summary>
    public static PendingBatch Start(Func<BacklogBatch> build) =>
        new(Task.Factory.StartNew(build, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    /// <summary>A batch already built.</summary>
    public static PendingBatch Of(BacklogBatch batch) => new(Task.FromResult(batch));

    /// <summary>Runs <paramref name="read"/> on this thread while the batch is built. When it throws, waits for the build:
    /// a failed build's exception is thrown instead, since a build done first would have failed before the reading began.</summary>
    public void Read(Action read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            read();
        }
        catch
        {
            _build.GetAwaiter().GetResult();
            throw;
        }
    }
}
