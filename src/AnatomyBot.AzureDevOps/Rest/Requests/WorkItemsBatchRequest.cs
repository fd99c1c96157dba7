using System.Text.Json.Serialization;

namespace AnatomyBot.AzureDevOps.Rest.Requests;

/// <summary>The body of <c>workitemsbatch</c>: <c>{"ids":[…],"$expand":"relations","errorPolicy":"omit"}</c>.</summary>
internal sealed record WorkItemsBatchRequest(
    IReadOnlyList<int> Ids,
    [property: JsonPropertyName("$expand")] string Expand,
    string ErrorPolicy);
