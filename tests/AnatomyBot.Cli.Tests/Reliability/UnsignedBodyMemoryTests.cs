namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>Large unsigned requests cost <c>serve</c> no memory for their bodies: each is refused on its headers, before
/// its body is read.</summary>
[Collection(ReliabilityTests.Name)]
public sealed class UnsignedBodyMemoryTests(ITestOutputHelper output)
{
    private const int Requests = 16;
    private const int BodyBytes = 24 * 1024 * 1024;
    private const long AllowedGrowth = 100L * 1024 * 1024;

    [Fact]
    public async Task SixteenParallelUnsigned24MBPosts_AreRefused401_AndRaiseServesMemoryByLessThan100MB()
    {
        await using var rig = await ReliabilityRig.StartAsync(
            TimeSpan.FromMinutes(3), repositories: 1, pullRequestsPerRepository: 1, new Dictionary<string, string> { ["Ingress:MaxConcurrentBodies"] = "8" });
        await using var serve = await ServeProcess.StartAsync(rig.Store, rig.Settings.Environment(), rig.Token);
        using var client = new WebhookClient(serve.BaseUrl);
        Assert.Equal(202, (await client.SendAsync(rig.Delivery(rig.Fleet.PullRequests[0], "opened"), rig.Token)).StatusCode);
        var before = serve.ResidentBytes;
        var body = new byte[BodyBytes];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';
        var unsigned = WebhookRequest.Signed(rig.Settings.Secret, "pull_request", Guid.NewGuid().ToString(), body);
        unsigned = unsigned with { Headers = unsigned.Headers.Where(h => h.Key != "X-Hub-Signature-256").ToDictionary() };

        var peak = before;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(rig.Token);
        var sampler = Task.Run(
            async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, serve.ResidentBytes);
                    await Task.Delay(20, CancellationToken.None);
                }
            },
            CancellationToken.None);
        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => client.TrySendAsync(unsigned, rig.Token)));
        await sampling.CancelAsync();
        await sampler;
        peak = Math.Max(peak, serve.ResidentBytes);

        output.WriteLine($"serve resident memory: {before / 1048576.0:F1} MB before, {peak / 1048576.0:F1} MB at peak ({(peak - before) / 1048576.0:F1} MB growth); answers: {string.Join(",", answers)}");
        Assert.All(answers, a => Assert.True(a is 401 or null, $"answer {a}"));
        Assert.Contains(answers, a => a == 401);
        Assert.True(peak - before < AllowedGrowth, $"resident memory grew by {(peak - before) / 1048576.0:F1} MB");
        Assert.Equal(200, await client.HealthAsync(rig.Token));
        Assert.False(serve.HasExited, serve.Output);
    }
}
