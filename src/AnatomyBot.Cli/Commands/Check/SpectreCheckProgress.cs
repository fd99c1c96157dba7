using Spectre.Console;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>A progress bar on standard error, for large inputs on an interactive terminal only; the report itself goes
/// to standard output untouched.</summary>
internal sealed class SpectreCheckProgress : ICheckProgress, Live.ILiveProgress
{
    /// <summary>Below this many bytes a check is quick enough that a bar would only flicker.</summary>
    public const long LargeInputBytes = 8L * 1024 * 1024;

    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    private ProgressTask? _task;
    private Action? _finish;

    public static bool ShouldShow(long totalBytes) =>
        totalBytes >= LargeInputBytes && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>Live reads show the bar on any interactive terminal: their time goes to the network, whatever the size.</summary>
    public static bool ShouldShowLive() => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    public void Fetched(string source, int read, int? total)
    {
        Start();
        _task!.Description = $"Reading {source} ({read:N0} items)";
        _task.IsIndeterminate = total is null;
        _task.MaxValue = Math.Max(1, total ?? 1);
        _task.Value = Math.Min(read, _task.MaxValue);
    }

    public void Reading(string file, long bytes)
    {
        Start();
        _task!.Description = $"Reading {Path.GetFileName(file)}";
        _task.MaxValue = Math.Max(1, bytes);
        _task.Value = 0;
    }

    public void Read(long bytesConsumed)
    {
        if (_task is { } task && bytesConsumed - task.Value >= task.MaxValue / 200)
        {
            task.Value = bytesConsumed;
        }
    }

    public void Evaluating(int items)
    {
        Start();
        _task!.Description = $"Evaluating {items:N0} items";
        _task.IsIndeterminate = true;
    }

    public void Done()
    {
        _finish?.Invoke();
        _finish = null;
    }

    private void Start()
    {
        if (_task is not null)
        {
            return;
        }

        var ready = new ManualResetEventSlim();
        var stop = new ManualResetEventSlim();
        var running = Task.Run(() => _console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                _task = context.AddTask("Reading");
                ready.Set();
                stop.Wait();
                _task.StopTask();
            }));
        ready.Wait();
        _finish = () =>
        {
            stop.Set();
            running.GetAwaiter().GetResult();
            ready.Dispose();
            stop.Dispose();
        };
    }
}
