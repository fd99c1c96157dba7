using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AnatomyBot.Infra.Tests.Infrastructure;

namespace AnatomyBot.Infra.Tests;

/// <summary>Every Bicep file and parameters file under <c>infra/</c> compiles with the Bicep compiler (its linter on) without
/// a single error or warning.</summary>
public sealed partial class BicepBuildTests
{
    public static TheoryData<string> BicepFiles => [.. InfraPaths.BicepFiles().Select(InfraPaths.Relative)];

    public static TheoryData<string> ParameterFiles => [.. InfraPaths.ParameterFiles().Select(InfraPaths.Relative)];

    [Fact]
    public void Build_AllBicepFiles_ReportsNoErrorOrWarning()
    {
        var result = InfraBuild.Result;

        Assert.True(result.ExitCode == 0 && result.Error.Trim().Length == 0 && result.Output.Trim().Length == 0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Build_BicepFile_CompilesToAnArmTemplate(string file)
    {
        var template = InfraBuild.TemplateOf(file);

        Assert.True(template is not null, $"{file} produced no template:\n{InfraBuild.Result}");
        Assert.Contains("deploymentTemplate.json", (string?)template["$schema"], StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetFileName(file), InfraBuild.Result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void BuildParams_ParametersFile_CompilesWithoutDiagnostics(string file)
    {
        var result = Bicep.Run(InfraPaths.Root, "build-params", file, "--stdout");

        Assert.True(result.ExitCode == 0 && result.Error.Trim().Length == 0, result.ToString());
        Assert.NotNull(JsonNode.Parse(result.Output)?["parametersJson"]);
    }

    [Fact]
    public void ParametersFiles_SetSecureParametersOnlyFromTheEnvironment()
    {
        var secure = InfraBuild.Main["parameters"]!.AsObject().Where(p => (string?)p.Value!["type"] == "securestring").Select(p => p.Key).ToList();
        Assert.NotEmpty(secure);

        foreach (var file in InfraPaths.ParameterFiles())
        {
            foreach (Match assignment in Assignment().Matches(File.ReadAllText(file)))
            {
                if (secure.Contains(assignment.Groups["name"].Value))
                {
                    Assert.StartsWith("readEnvironmentVariable(", assignment.Groups["value"].Value.Trim(), StringComparison.Ordinal);
                }
            }
        }
    }

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s*=\s*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex Assignment();
}
