using System.Text.RegularExpressions;
using AnatomyBot.Cli.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary>The repository's <c>action.yml</c> run as the GitHub Actions runner runs a composite action, for its
/// <c>shell: bash</c> steps: <c>${{ inputs.* }}</c> and <c>${{ github.token }}</c> in <c>env</c> replaced by the given
/// inputs (else the declared defaults), each <c>run</c> body executed with <c>bash --noprofile --norc -eo pipefail</c>
/// in the workspace with the runner's variables, folders appended to <c>GITHUB_PATH</c> put on the PATH of the next
/// steps, and the first failing step ending the run. A <c>uses:</c> step (setup-dotnet) is skipped: the caller's
/// environment stands for what it sets up (<c>DOTNET_ROOT</c>).</summary>
internal sealed partial class CompositeAction
{
    private readonly YamlMappingNode _action;

    private CompositeAction(YamlMappingNode action) => _action = action;

    public static CompositeAction Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "action.yml"));
        stream.Load(reader);
        return new CompositeAction((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public IReadOnlyDictionary<string, string> InputDefaults => ((YamlMappingNode)_action["inputs"]).Children.ToDictionary(
        i => ((YamlScalarNode)i.Key).Value!,
        i => ((YamlMappingNode)i.Value).Children.TryGetValue(new YamlScalarNode("default"), out var value) ? ((YamlScalarNode)value).Value ?? string.Empty : string.Empty);

    public IReadOnlyList<YamlMappingNode> Steps => [.. ((YamlSequenceNode)((YamlMappingNode)_action["runs"])["steps"]).Children.Cast<YamlMappingNode>()];

    /// <summary>Runs every step; returns the results of the bash steps that ran (the last one failed if any did).</summary>
    public async Task<IReadOnlyList<CliResult>> RunAsync(IReadOnlyDictionary<string, string> inputs, string githubToken, GitHubRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var results = new List<CliResult>();
        foreach (var step in Steps)
        {
            if (step.Children.ContainsKey(new YamlScalarNode("uses")))
            {
                continue;
            }

            Assert.Equal("bash", Scalar(step, "shell"));
            var script = Scalar(step, "run");
            Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
            var environment = new Dictionary<string, string>(runner.Environment);
            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            {
                foreach (var (name, value) in ((YamlMappingNode)env).Children)
                {
                    environment[((YamlScalarNode)name).Value!] = Evaluate(((YamlScalarNode)value).Value ?? string.Empty, inputs, githubToken);
                }
            }

            environment["PATH"] = runner.PathForNextStep();
            var result = await BashStep.RunAsync(script, ["--noprofile", "--norc", "-eo", "pipefail"], runner.Workspace, environment);
            results.Add(result);
            if (result.ExitCode != 0)
            {
                break;
            }
        }

        return results;
    }

    private string Evaluate(string value, IReadOnlyDictionary<string, string> inputs, string githubToken) => Expression().Replace(value, match =>
    {
        var expression = match.Groups["expression"].Value;
        if (expression == "github.token")
        {
            return githubToken;
        }

        Assert.StartsWith("inputs.", expression, StringComparison.Ordinal);
        var name = expression["inputs.".Length..];
        Assert.True(InputDefaults.ContainsKey(name), $"action.yml uses the undeclared input '{name}'");
        return inputs.TryGetValue(name, out var given) ? given : Evaluate(InputDefaults[name], inputs, githubToken);
    });

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? string.Empty;

    [GeneratedRegex(@"\$\{\{\s*(?<expression>[A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Expression();
}
