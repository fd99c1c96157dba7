using AnatomyBot.Cli.Commands;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.Cli.Tests.Interrupting;

/// <summary><see cref="Interruption"/>: how a command's work ends when the token System.CommandLine gives it
/// is cancelled. The fake clock never moves unless a test moves it, so the grace never runs out on its own.</summary>
public sealed class InterruptionTests
{
    [Fact]
    public async Task RunAsync_NotCancelled_ReturnsTheWorksExitCode()
    {
        using var error = new StringWriter();

        var code = await Interruption.RunAsync("check", _ => Task.FromResult(1), error, Interruption.Grace, new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWorking_WorkCleansUpFirst_Returns130AndSaysSo()
    {
        using var error = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cleanedUp = false;

        var running = Interruption.RunAsync("digest", async token =>
        {
            try
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
                return 0;
            }
            finally
            {
                cleanedUp = true;
            }
        }, error, Interruption.Grace, new FakeTimeProvider(), cancel.Token);
        await started.Task;
        await cancel.CancelAsync();

        Assert.Equal(ExitCodes.Interrupted, await running);
        Assert.True(cleanedUp);
        Assert.Equal("digest: interrupted; its output is incomplete" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWorkIgnoresTheToken_Returns130AfterTheGrace()
    {
        using var error = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var blocked = new TaskCompletionSource<int>();
        var clock = new FakeTimeProvider();

        var running = Interruption.RunAsync("check", _ => blocked.Task, error, TimeSpan.FromSeconds(1), clock, cancel.Token);
        await cancel.CancelAsync();
        while (!running.IsCompleted)
        {
            // The grace's timer is set once the cancellation is seen; moving the clock before that moves nothing.
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.Equal(ExitCodes.Interrupted, await running);
        Assert.False(blocked.Task.IsCompleted);
        Assert.Contains("interrupted", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WorkCompletesDuringTheGrace_ReturnsItsExitCode()
    {
        using var error = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var finishing = new TaskCompletionSource<int>();

        var running = Interruption.RunAsync("audit", _ => finishing.Task, error, Interruption.Grace, new FakeTimeProvider(), cancel.Token);
        await cancel.CancelAsync();
        finishing.SetResult(0);

        Assert.Equal(0, await running);
        Assert.Equal("", error.ToString());
    }
}
