using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnatomyBot.Hosting.Queues;

/// <summary>The queue message's JSON, generated at build time (web defaults: camel case, names read case-insensitively).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(QueueEnvelope))]
internal sealed partial class QueueJsonContext : JsonSerializerContext;
