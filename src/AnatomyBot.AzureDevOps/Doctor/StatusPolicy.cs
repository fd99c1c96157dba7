using System.Text.Json;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Doctor;

/// <summary>Whether a branch policy requires the bot's status (<c>anatomybot/linkage</c>): a Status policy configuration
/// naming that genre and name, enabled and blocking (Policy requirement: Required).</summary>
internal static class StatusPolicy
{
    private const string Fix = $"add a Status check branch policy (Project settings → Repositories → Policies → branch → Status checks → +) for the status {StatusMapping.Genre}/{StatusMapping.Name}, Policy requirement: Required";

    public static DoctorCheck Check(string name, IReadOnlyList<JsonElement> policies, IReadOnlyDictionary<string, string> repositories, bool cut)
    {
        var ours = Ours(policies).OrderByDescending(p => Flag(p, "isEnabled") && Flag(p, "isBlocking")).ThenByDescending(p => Flag(p, "isEnabled")).ToList();
        if (ours.Count == 0)
        {
            var read = cut ? $" among the first {AzureDevOpsDoctor.MaxPolicyPages * AzureDevOpsDoctor.PolicyPageSize} status policies" : "";
            return DoctorCheck.Fail(name, $"no branch policy requires the status {StatusMapping.Genre}/{StatusMapping.Name}{read}", Fix);
        }

        var best = ours[0];
        var id = best.TryGetProperty("id", out var i) ? i.ToString() : "?";
        if (!Flag(best, "isEnabled"))
        {
            return DoctorCheck.Fail(name, $"the status policy {id} for {StatusMapping.Genre}/{StatusMapping.Name} is disabled", "enable it under the branch's policies");
        }

        return Flag(best, "isBlocking")
            ? DoctorCheck.Pass(name, $"{StatusMapping.Genre}/{StatusMapping.Name} is required on {Scopes(best, repositories)}")
            : DoctorCheck.Fail(name, $"the status policy {id} for {StatusMapping.Genre}/{StatusMapping.Name} is optional", "set its Policy requirement to Required");
    }

    /// <summary>The policies, not deleted, for the status <c>anatomybot/linkage</c> (each has a <c>settings</c> object).</summary>
    public static IEnumerable<JsonElement> Ours(IEnumerable<JsonElement> policies) =>
        policies.Where(p => !Flag(p, "isDeleted") && p.TryGetProperty("settings", out var s) && s.ValueKind == JsonValueKind.Object
            && string.Equals(AzureDevOpsDoctor.Text(s, "statusGenre"), StatusMapping.Genre, StringComparison.OrdinalIgnoreCase)
            && string.Equals(AzureDevOpsDoctor.Text(s, "statusName"), StatusMapping.Name, StringComparison.OrdinalIgnoreCase));

    private static string Scopes(JsonElement policy, IReadOnlyDictionary<string, string> repositories)
    {
        var scopes = policy.GetProperty("settings").TryGetProperty("scope", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => (Repository: AzureDevOpsDoctor.Text(s, "repositoryId"), Ref: AzureDevOpsDoctor.Text(s, "refName"))).ToList()
            : [];
        return scopes.Count == 0
            ? "every repository"
            : string.Join(", ", scopes.Select(s => $"{s.Ref ?? "every branch"} of {(s.Repository is null ? "every repository" : repositories.GetValueOrDefault(s.Repository, s.Repository))}"));
    }

    private static bool Flag(JsonElement json, string name) => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
