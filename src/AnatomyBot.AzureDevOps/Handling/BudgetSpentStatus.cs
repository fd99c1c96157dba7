using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.AzureDevOps.Handling;

/// <summary>What an Azure DevOps pull request shows when its delivery spent the API call budget
/// (<c>Pipeline:MaxApiCallsPerDelivery</c>) before everything it references was read: the thread saying why
/// (<see cref="BudgetSpentState"/>) and the <c>anatomybot/linkage</c> status <c>notApplicable</c>, the status API's
/// nearest to neutral (it has no neutral state, and <c>succeeded</c> would be a verdict). Never tags.</summary>
internal static class BudgetSpentStatus
{
    public static DesiredState State()
    {
        var state = BudgetSpentState.For(ApiCallTally.Current?.Budget ?? 0, new HashSet<string>());
        return state with { Check = state.Check! with { Conclusion = CheckConclusion.NotApplicable } };
    }
}
