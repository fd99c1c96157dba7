using System.Text.Json;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Doctor;

/// <summary>Whether <c>AzureDevOps:BotIdentityId</c> names the identity the <c>anatomybot/linkage</c> status policies
/// authorise (their <c>authorId</c>, the policy's <i>Authorized identity</i>). Doctor writes nothing, and no read in the
/// published specifications names the caller, so when no policy names an identity the setting cannot be compared here:
/// the bot compares it with the answer to its first write and logs a mismatch.</summary>
internal static class BotIdentityCheck
{
    public const string Name = "Bot identity";

    private const string Fix = "set AzureDevOps:BotIdentityId and the status policy's Authorized identity to the identity the bot's credential acts as: the createdBy id of the statuses the bot posts (the bot logs it at its first write)";

    /// <summary>Null when <paramref name="configured"/> is not set.</summary>
    public static DoctorCheck? Check(string? configured, IReadOnlyList<JsonElement> policies)
    {
        if (!Guid.TryParse(configured, out var id))
        {
            return null;
        }

        var authorised = StatusPolicy.Ours(policies)
            .Select(p => p.GetProperty("settings"))
            .Select(s => AzureDevOpsDoctor.Text(s, "authorId"))
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (authorised.Count == 0)
        {
            return DoctorCheck.Pass(Name, $"AzureDevOps:BotIdentityId is {id:D}; no {StatusMapping.Genre}/{StatusMapping.Name} status policy names an Authorized identity to compare it with (the bot compares it with the answer to its first write and logs a mismatch)");
        }

        var other = authorised.FirstOrDefault(a => !Guid.TryParse(a, out var author) || author != id);
        return other is null
            ? DoctorCheck.Pass(Name, $"AzureDevOps:BotIdentityId {id:D} is the Authorized identity of the {StatusMapping.Genre}/{StatusMapping.Name} status policy")
            : DoctorCheck.Fail(Name, $"AzureDevOps:BotIdentityId {id:D} is not the Authorized identity {other} of an {StatusMapping.Genre}/{StatusMapping.Name} status policy", Fix);
    }
}
