namespace AnatomyBot.Hosting.Tests.Support;

/// <summary>The bound on every wait for something the code under test does on another thread: a test whose event never
/// comes fails here instead of hanging. It is a guard, never a pause — no test sleeps for it.</summary>
internal static class Deadline
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task Within(this Task task) => task.WaitAsync(Limit, TestContext.Current.CancellationToken);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit, TestContext.Current.CancellationToken);
}
