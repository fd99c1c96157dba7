using System.Text.Json.Serialization;

namespace AnatomyBot.Storage.Serialization;

/// <summary>Source-generated JSON for the compact columns (trace, gaps): no reflection on the hot read path.</summary>
[JsonSerializable(typeof(string[][]))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
