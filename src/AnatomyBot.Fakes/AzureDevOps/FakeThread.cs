namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A pull request comment thread (<c>active</c>, <c>fixed</c>, <c>closed</c>, …) and its comments.</summary>
public sealed class FakeThread
{
    public required int Id { get; init; }

    public string Status { get; set; } = "active";

    public bool IsDeleted { get; set; }

    public List<FakeThreadComment> Comments { get; } = [];
}
