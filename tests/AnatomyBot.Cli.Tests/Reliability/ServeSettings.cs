using System.Security.Cryptography;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>The configuration a reliability test gives <c>serve</c> and <c>replay</c>: a secret generated for the run, the
/// fake platform's address and a token it accepts (<see cref="IReliabilityFleet.Configure"/>), plus the test's own
/// settings (retry budget, inbox concurrency).</summary>
internal sealed class ServeSettings(IReliabilityFleet fleet, IReadOnlyDictionary<string, string>? extra = null)
{
    public string Secret { get; } = RandomNumberGenerator.GetHexString(40, lowercase: true);

    private readonly string _token = "test-" + RandomNumberGenerator.GetHexString(20, lowercase: true);

    /// <summary>Keys as in a JSON configuration file (<c>GitHub:WebhookSecret</c>).</summary>
    public Dictionary<string, string?> Configuration()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // The load tests send 16 requests at once from one client; a real GitHub spreads its deliveries, and more
            // than Ingress:MaxConcurrentBodies (8) bodies at once are answered 503, which GitHub does not retry.
            ["Ingress:MaxConcurrentBodies"] = "32",
        };
        fleet.Configure(values, Secret, _token);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>The same as environment variables (<c>GitHub__WebhookSecret</c>), for a child process.</summary>
    public Dictionary<string, string> Environment() =>
        Configuration().ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value ?? "", StringComparer.Ordinal);
}
