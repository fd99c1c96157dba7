using System.Text.RegularExpressions;
using AnatomyBot.Cli.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AnatomyBot.Cli.Tests.Adoption;

/// <summary><c>templates/anatomybot.yml</c> run as Azure Pipelines runs a steps template, for its <c>bash:</c> steps:
/// <c>${{ parameters.* }}</c> replaced by the given parameters (else the declared defaults, and a value outside a
/// parameter's <c>values</c> refused as the pipeline compiler would), <c>$(Variable)</c> macros in <c>env</c> replaced
/// from the pipeline variables, each script run with <c>bash --noprofile --norc</c> in the sources directory with the
/// agent's variables, <c>##vso[task.prependpath]</c> honoured for the next steps and
/// <c>##vso[task.uploadsummary]</c> recorded; the first failing step ends the run. A <c>task:</c> step (UseDotNet) is
/// skipped: the caller's environment stands for what it sets up (<c>DOTNET_ROOT</c>).</summary>
internal sealed partial class PipelineTemplate
{
    private readonly YamlMappingNode _template;

    private PipelineTemplate(YamlMappingNode template) => _template = template;

    public static PipelineTemplate Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "templates", "anatomybot.yml"));
        stream.Load(reader);
        return new PipelineTemplate((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public IReadOnlyList<YamlMappingNode> Parameters => [.. ((YamlSequenceNode)_template["parameters"]).Children.Cast<YamlMappingNode>()];

    public IReadOnlyList<YamlMappingNode> Steps => [.. ((YamlSequenceNode)_template["steps"]).Children.Cast<YamlMappingNode>()];

    public async Task<AgentRun> RunAsync(IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> variables, AzureAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var values = ParameterValues(parameters);
        var run = new AgentRun();
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var step in Steps)
        {
            if (step.Children.ContainsKey(new YamlScalarNode("task")))
            {
                continue;
            }

            var script = Scalar(step, "bash");
            Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
            Assert.False(Macro().IsMatch(script), $"a script uses a $(macro), which the agent would replace before bash runs: {Macro().Match(script).Value}");
            var environment = new Dictionary<string, string>(agent.Environment) { ["PATH"] = path };
            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            {
                foreach (var (name, value) in ((YamlMappingNode)env).Children)
                {
                    environment[((YamlScalarNode)name).Value!] = Evaluate(((YamlScalarNode)value).Value ?? string.Empty, values, variables);
                }
            }

            var result = await BashStep.RunAsync(script, ["--noprofile", "--norc"], agent.SourcesDirectory, environment);
            run.Steps.Add(result);
            foreach (var command in result.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Select(Lint.RunnerCommand.ParseAzure).OfType<Lint.RunnerCommand>())
            {
                if (command.Name == "task.prependpath")
                {
                    path = command.Data + Path.PathSeparator + path;
                }
                else if (command.Name == "task.uploadsummary")
                {
                    run.Summaries.Add(command.Data);
                }
            }

            if (result.ExitCode != 0)
            {
                break;
            }
        }

        return run;
    }

    private Dictionary<string, string> ParameterValues(IReadOnlyDictionary<string, string> given)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            var name = Scalar(parameter, "name");
            var value = given.TryGetValue(name, out var set) ? set : Scalar(parameter, "default");
            if (parameter.Children.TryGetValue(new YamlScalarNode("values"), out var allowed))
            {
                var choices = ((YamlSequenceNode)allowed).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
                Assert.True(choices.Contains(value), $"parameter {name}: '{value}' is not one of {string.Join(", ", choices)}; the pipeline would not compile");
            }

            values[name] = value;
        }

        Assert.Empty(given.Keys.Except(values.Keys));
        return values;
    }

    private static string Evaluate(string value, Dictionary<string, string> parameters, IReadOnlyDictionary<string, string> variables)
    {
        value = Expression().Replace(value, match =>
        {
            var expression = match.Groups["expression"].Value;
            Assert.StartsWith("parameters.", expression, StringComparison.Ordinal);
            return parameters[expression["parameters.".Length..]];
        });
        return Macro().Replace(value, match => variables.TryGetValue(match.Groups["name"].Value, out var variable)
            ? variable
            : throw new InvalidOperationException($"the test gives no value for the pipeline variable {match.Value}"));
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? string.Empty;

    [GeneratedRegex(@"\$\{\{\s*(?<expression>[A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"\$\((?<name>[A-Za-z0-9_.]+)\)")]
    private static partial Regex Macro();
}
