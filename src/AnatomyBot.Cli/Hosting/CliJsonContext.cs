using System.Text.Json;
using System.Text.Json.Serialization;
using AnatomyBot.Cli.Demo;

namespace AnatomyBot.Cli.Hosting;

/// <summary>The JSON files the CLI reads (the demo's scenario, recorded requests' headers), generated at build time
/// (web defaults: names read case-insensitively).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DemoScenario))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
