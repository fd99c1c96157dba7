namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>Starts a <see cref="ReliabilityRig{TFleet}"/> on one platform's fleet, under a deadline.</summary>
internal static class ReliabilityRig
{
    public static Task<ReliabilityRig<GitHubFleet>> StartAsync(
        TimeSpan deadline, int repositories, int pullRequestsPerRepository, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(deadline, token => GitHubFleet.StartAsync(repositories, pullRequestsPerRepository, token), settings);

    public static Task<ReliabilityRig<AzureDevOpsFleet>> StartAzureDevOpsAsync(
        TimeSpan deadline, int pullRequests, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(deadline, token => AzureDevOpsFleet.StartAsync(pullRequests, token), settings);

    private static async Task<ReliabilityRig<TFleet>> StartAsync<TFleet>(
        TimeSpan deadline, Func<CancellationToken, Task<TFleet>> start, IReadOnlyDictionary<string, string>? settings)
        where TFleet : IReliabilityFleet
    {
        var time = new CancellationTokenSource(deadline);
        try
        {
            return new ReliabilityRig<TFleet>(time, await start(time.Token), settings);
        }
        catch
        {
            time.Dispose();
            throw;
        }
    }
}
