using YamlDotNet.RepresentationModel;

namespace AnatomyBot.Infra.Tests.Workflows;

/// <summary>A YAML file of the repository read with YamlDotNet's representation model, with the few lookups the
/// workflow and azd tests need.</summary>
internal static class YamlFile
{
    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        Assert.True(stream.Documents.Count == 1, $"{path} holds {stream.Documents.Count} YAML documents");
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    public static YamlNode? Child(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlMappingNode node, string key) => (node.Child(key) as YamlScalarNode)?.Value;

    public static YamlMappingNode Map(this YamlMappingNode node, string key) =>
        Assert.IsType<YamlMappingNode>(node.Child(key) ?? throw new InvalidOperationException($"no '{key}' at line {node.Start.Line}"));

    public static IEnumerable<(string Key, YamlMappingNode Value)> Entries(this YamlMappingNode node) =>
        node.Children.Select(c => (((YamlScalarNode)c.Key).Value!, Assert.IsType<YamlMappingNode>(c.Value)));

    public static IReadOnlyList<YamlMappingNode> Steps(this YamlMappingNode job) =>
        [.. Assert.IsType<YamlSequenceNode>(job.Child("steps")).Children.Select(Assert.IsType<YamlMappingNode>)];
}
