namespace AnatomyBot.Core.Pipeline;

/// <summary>The delivery spent its API call budget (<c>Pipeline:MaxApiCallsPerDelivery</c>) while reading what an item
/// references: an expected outcome that the channel reports on the item (a neutral check saying why), never a retry.</summary>
public sealed class ApiBudgetSpentException : Exception
{
    public ApiBudgetSpentException()
    {
    }

    public ApiBudgetSpentException(string message)
        : base(message)
    {
    }

    public ApiBudgetSpentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiBudgetSpentException(int budget)
        : base($"the budget of {budget} API calls for this delivery is spent")
    {
        Budget = budget;
    }

    public int Budget { get; }
}
