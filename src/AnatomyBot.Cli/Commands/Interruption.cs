using System.Runtime.InteropServices;

namespace AnatomyBot.Cli.Commands;

/// <summary>How a long-running command answers Ctrl+C (SIGINT) and SIGTERM: its work, run off the invoking thread, sees
/// the token cancelled and stops at its next check (its own <c>finally</c> blocks remove what it had half written); the
/// command then exits <see cref="ExitCodes.Interrupted"/> (SIGINT) or <see cref="ExitCodes.Terminated"/> (SIGTERM) with
/// one line on standard error, never with the code of a complete run. Work that cannot see the token (a read blocked on
/// a pipe that stays open) is given <see cref="Grace"/> and then left to the end of the process.</summary>
/// <remarks>Both signals are handled here, from before the work starts, so either at any moment of the work ends it this
/// way rather than killing the process, and the exit code names the signal (128 + its number, as shells report it).
/// System.CommandLine's own handling is off (Program.cs): it would see the signal first and cancel the token without
/// saying which signal came. The token still ends the work when its caller cancels it (<see cref="ExitCodes.Interrupted"/>).</remarks>
internal static class Interruption
{
    /// <summary>How long an interrupted command waits for its work to stop before it exits all the same.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    public static Task<int> RunAsync(string command, Func<CancellationToken, Task<int>> work, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(command, work, error, Grace, TimeProvider.System, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a thread of its own (the thread pool's workers stay free for the work's own
    /// parallel parts) and returns its exit code, or <see cref="ExitCodes.Terminated"/> once SIGTERM comes before the work
    /// completes, or <see cref="ExitCodes.Interrupted"/> once SIGINT comes or <paramref name="cancellationToken"/> is
    /// cancelled.</summary>
    internal static async Task<int> RunAsync(string command, Func<CancellationToken, Task<int>> work, TextWriter error, TimeSpan grace, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(error);
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var terminated = 0;
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            interrupted.Cancel();
        });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            Interlocked.Exchange(ref terminated, 1);
            interrupted.Cancel();
        });
        var running = Task.Factory.StartNew(() => work(interrupted.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        try
        {
            return await running.WaitAsync(interrupted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Task.WhenAny(running, Task.Delay(grace, clock, CancellationToken.None)).ConfigureAwait(false);
            if (running.IsCompletedSuccessfully)
            {
                return running.Result;
            }

            return await ReportAsync(command, Volatile.Read(ref terminated) == 1, error).ConfigureAwait(false);
        }
    }

    private static async Task<int> ReportAsync(string command, bool terminated, TextWriter error)
    {
        await error.WriteLineAsync($"{command}: {(terminated ? "terminated" : "interrupted")}; its output is incomplete").ConfigureAwait(false);
        return terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;
    }
}
