using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AnatomyBot.AzureDevOps.Rest;

internal static class AzureDevOpsJson
{
    /// <summary>Web defaults (camel case, names read case-insensitively), nulls left out when writing; every type is
    /// generated at build time by <see cref="AzureDevOpsJsonContext"/>.</summary>
    public static JsonSerializerOptions Options => AzureDevOpsJsonContext.Default.Options;

    /// <summary>The generated contract of <typeparamref name="T"/>; a type the context does not list is a programming
    /// error, caught by the first test that sends or reads it.</summary>
    public static JsonTypeInfo<T> Type<T>() =>
        AzureDevOpsJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {nameof(AzureDevOpsJsonContext)}.");
}
