using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A branch policy configuration of the project: its type, flags and settings (for the Status policy
/// <c>statusGenre</c>, <c>statusName</c> and <c>scope</c>).</summary>
public sealed class FakePolicyConfiguration
{
    public required int Id { get; init; }

    public string TypeId { get; init; } = FakeAzureDevOps.StatusPolicyType;

    public bool IsEnabled { get; set; } = true;

    public bool IsBlocking { get; set; } = true;

    public bool IsDeleted { get; set; }

    public JsonObject Settings { get; init; } = [];
}
