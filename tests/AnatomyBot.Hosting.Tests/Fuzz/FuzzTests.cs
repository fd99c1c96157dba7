using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using CsCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Hosting.Tests.Fuzz;

/// <summary>The fuzz pass: generated hostile inputs (mutated real payloads, hostile text, broken bytes and YAML) through
/// both webhook ingresses, the anatomy parser and the engine. No input may throw (a rejection is an answered 4xx or a
/// diagnostic) and none may cost more than a second of CPU; each target reports its slowest input. Each target runs
/// <see cref="DefaultInputs"/> inputs per test run; the environment variable <c>ANATOMYBOT_FUZZ_INPUTS</c> sets another
/// number per target (the long run: 30,000 each, over 100,000 in all). CsCheck prints the seed of a failing input; rerun
/// with the environment variable <c>CsCheck_Seed</c> set to it.</summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Inputs per target in an ordinary test run, sized for CI's two cores.</summary>
    public const long DefaultInputs = 2_000;

    public const string InputsVariable = "ANATOMYBOT_FUZZ_INPUTS";

    private const string GitHubSecret = "fuzz-github-secret";
    private const string AzureDevOpsSecret = "fuzz-ado-secret";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset ReceivedAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<Dictionary<string, IWebhookIngress>> Ingresses = new(BuildIngresses);
    private static readonly string[] GitHubEvents = ["pull_request", "issues", "issue_comment", "installation", "ping", "check_run", "push", "anatomybot_reconcile", ""];

    [Fact]
    public void GitHubIngress_HostileDeliveries_AnsweredWithoutCrashOrSlowInput()
    {
        var ingress = Ingresses.Value[Platforms.GitHub];
        var gen =
            from payload in Gen.Int[0, FuzzInputs.GitHubPayloads.Count - 1]
            from replacements in HostileText.Any(maxRepeat: 300).Array[1, 4]
            from seed in Gen.Int
            from mode in Gen.Int[0, 11]
            from signature in Gen.Int[0, 9]
            from eventName in Gen.OneOf(Gen.OneOf(GitHubEvents), HostileText.Any(3, 10))
            from delivery in Gen.Frequency((8, Gen.Guid.Select(g => g.ToString())), (1, HostileText.Any(4, 50)))
            select GitHubDelivery(FuzzInputs.GitHubPayloads[payload], replacements, seed, mode, signature, eventName, delivery);

        Run("GitHub ingress", gen, Inputs, d => Answered(ingress, d.Headers, d.Body), d => Describe(d.Headers, d.Body));
    }

    [Fact]
    public void AzureDevOpsIngress_HostileNotifications_AnsweredWithoutCrashOrSlowInput()
    {
        var ingress = Ingresses.Value[Platforms.AzureDevOps];
        var gen =
            from payload in Gen.Int[0, FuzzInputs.AzureDevOpsPayloads.Count - 1]
            from replacements in HostileText.Any(maxRepeat: 300).Array[1, 4]
            from seed in Gen.Int
            from mode in Gen.Int[0, 11]
            from auth in Gen.Int[0, 9]
            select AzureDevOpsNotification(FuzzInputs.AzureDevOpsPayloads[payload].Json, replacements, seed, mode, auth);

        Run("Azure DevOps ingress", gen, Inputs, d => Answered(ingress, d.Headers, d.Body), d => Describe(d.Headers, d.Body));
    }

    [Fact]
    public void AnatomyParser_HostileYaml_ParsedOrDiagnosedWithoutCrashOrSlowInput()
    {
        var lines = FuzzInputs.SampleAnatomy.Split('\n');
        var gen = Gen.Frequency(
            (6, Gen.Select(Gen.Int, HostileText.Any(6, 200).Array[1, 8], (seed, texts) => AnatomyYaml.Mutate(lines, seed, texts))),
            (3, AnatomyYaml.Generated()),
            (1, Gen.OneOf(HostileText.Any(20, 500), HostileText.Known())));

        Run("anatomy parser", gen, Inputs, yaml =>
        {
            var result = AnatomyParser.Parse(yaml);
            Assert.True(result.IsValid || result.Errors.Count > 0, "an invalid anatomy without a diagnostic");
        }, yaml => $"{yaml.Length:N0} chars: {Preview(yaml)}");
    }

    [Fact]
    public void Engine_HostileItems_EvaluatedWithoutCrashOrSlowInput()
    {
        var engine = new LinkageEngine(AnatomyParser.Parse(FuzzInputs.SampleAnatomy).Anatomy!);
        var gen = EngineItems.Batch();

        Run("engine", gen, Inputs, items =>
        {
            var evaluations = engine.Evaluate(items);
            Assert.Equal(items.Count, evaluations.Count);
        }, items => $"{items.Count} items, {items.Sum(i => i.Title.Length + i.Body.Length):N0} chars: {Preview(items[0].Body)}");
    }

    private static long Inputs =>
        long.TryParse(Environment.GetEnvironmentVariable(InputsVariable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var inputs) && inputs > 0
            ? inputs
            : DefaultInputs;

    private void Run<T>(string target, Gen<T> gen, long inputs, Action<T> check, Func<T, string> describe)
    {
        var run = new FuzzRun<T>(target, describe);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();

        gen.Sample(input => run.Measure(input, check), iter: inputs, print: describe);

        process.Refresh();
        var report = run.Report(Stopwatch.GetElapsedTime(started), process.TotalProcessorTime - cpu);
        output.WriteLine(report.ToString());
        TestContext.Current.SendDiagnosticMessage(report.ToString());
        Assert.Equal(inputs, report.Inputs);
        Assert.True(report.Slowest < Budget, $"an input took {report.Slowest.TotalMilliseconds:0} ms of CPU: {report.SlowestInput}");
    }

    /// <summary>As the receiver asks: the headers first (a refusal before the body is read), then the body.</summary>
    private static void Answered(IWebhookIngress ingress, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var result = ingress.Screen(headers) ?? ingress.Accept(headers, body, ReceivedAt);
        Assert.True(result.StatusCode is 200 or 202 or 204 or 400 or 401 or 413, $"answered {result.StatusCode}");
        Assert.Equal(result.StatusCode == 202, result.Delivery is not null);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    private static (Dictionary<string, string> Headers, byte[] Body) GitHubDelivery(
        (string Event, string Json) payload, string[] replacements, int seed, int mode, int signature, string eventName, string delivery)
    {
        var json = mode < 4 ? FuzzInputs.MutateJson(payload.Json, seed, replacements) : payload.Json;
        var body = mode is >= 4 and < 12 ? FuzzInputs.MutateBytes(json, mode - 4, seed) : Encoding.UTF8.GetBytes(json);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = "application/json",
            ["X-GitHub-Event"] = seed % 3 == 0 ? eventName : payload.Event,
            ["X-GitHub-Delivery"] = delivery,
        };
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(GitHubSecret), body));
        _ = signature switch
        {
            0 => "",
            1 => headers["X-Hub-Signature-256"] = "sha256=" + new string('0', 64),
            2 => headers["X-Hub-Signature-256"] = "sha1=" + hex,
            3 => headers["X-Hub-Signature-256"] = "sha256=" + hex[..10],
            _ => headers["X-Hub-Signature-256"] = "sha256=" + hex,
        };
        return (headers, body);
    }

    private static (Dictionary<string, string> Headers, byte[] Body) AzureDevOpsNotification(string json, string[] replacements, int seed, int mode, int auth)
    {
        var mutated = mode < 4 ? FuzzInputs.MutateJson(json, seed, replacements) : json;
        var body = mode is >= 4 and < 12 ? FuzzInputs.MutateBytes(mutated, mode - 4, seed) : Encoding.UTF8.GetBytes(mutated);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        _ = auth switch
        {
            0 => "",
            1 => headers["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":wrong")),
            2 => headers["Authorization"] = "Basic !!not base64!!",
            3 => headers["Authorization"] = "Bearer " + AzureDevOpsSecret,
            _ => headers["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hook:" + AzureDevOpsSecret)),
        };
        return (headers, body);
    }

    private static Dictionary<string, IWebhookIngress> BuildIngresses()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecret"] = GitHubSecret,
            ["GitHub:Token"] = "fuzz-token",
            ["AzureDevOps:WebhookSecret"] = AzureDevOpsSecret,
            ["AzureDevOps:OrganizationUrl"] = "https://dev.azure.test/contoso",
            ["AzureDevOps:Project"] = "Fabrikam",
            ["AzureDevOps:PersonalAccessToken"] = "pat",
            ["AzureDevOps:Anatomy:Repository"] = "architecture",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddAnatomyBotChannels(configuration).BuildServiceProvider();
        return services.GetServices<IWebhookIngress>().ToDictionary(i => i.Platform, StringComparer.OrdinalIgnoreCase);
    }

    private static string Describe(IReadOnlyDictionary<string, string> headers, byte[] body) =>
        $"{string.Join(", ", headers.Select(h => $"{h.Key}: {Preview(h.Value)}"))}; {body.Length:N0} bytes: {Preview(Encoding.UTF8.GetString(body))}";

    private static string Preview(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
