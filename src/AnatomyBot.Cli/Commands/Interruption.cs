using System.Runtime.InteropServices;

namespace AnatomyBot.Cli.Commands;

/// <summary>How a long-running command answers Ctrl+C: its work, run off the invoking thread, sees the token cancelled
/// and stops at its next check (its own <c>finally</c> blocks remove what it had half written); the command then exits
/// <see cref="ExitCodes.Interrupted"/> with one line on standard error, never with the code of a complete run. Work that
/// cannot see the token (a read blocked on a pipe that stays open) is given <see cref="Grace"/> and then left to the end
/// of the process.</summary>
/// <remarks>The token is System.CommandLine's, which cancels it on SIGINT and SIGTERM, but System.CommandLine starts
/// listening only once the action has returned its task; SIGINT is handled here too, from before the work starts, so
/// Ctrl+C at any moment of the work ends it this way rather than killing the process.</remarks>
internal static class Interruption
{
    /// <summary>How long an interrupted command waits for its work to stop, well within System.CommandLine's own
    /// two seconds (after which it ends the invocation itself).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    public static Task<int> RunAsync(string command, Func<CancellationToken, Task<int>> work, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(command, work, error, Grace, TimeProvider.System, cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a thread of its own (the thread pool's workers stay free for the work's own
    /// parallel parts) and returns its exit code, or <see cref="ExitCodes.Interrupted"/> once
    /// <paramref name="cancellationToken"/> is cancelled or SIGINT comes before the work completes.</summary>
    internal static async Task<int> RunAsync(string command, Func<CancellationToken, Task<int>> work, TextWriter error, TimeSpan grace, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(error);
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
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

            await error.WriteLineAsync($"{command}: interrupted; its output is incomplete").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
    }
}
