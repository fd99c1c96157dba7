using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Reconcile;

/// <summary>A plan as indented JSON for the dry-run outbox. Fields: <c>source</c>, <c>itemId</c>, <c>kind</c>,
/// <c>head</c>, <c>empty</c>, <c>writes</c>, <c>labels{add,remove,after}</c>, <c>comment{action,existingId,resolved,artifact}</c>,
/// <c>check{conclusion,title,artifact}</c> (null when unchanged).</summary>
internal static class PlanJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ReconcileTarget target, ReconcilePlan plan, string? commentArtifact, string? checkArtifact)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("source", SourceCode(target.Source));
            json.WriteString("itemId", target.ItemId);
            json.WriteString("kind", KindCode(target.Kind));
            json.WriteString("head", target.Head);
            json.WriteBoolean("empty", plan.IsEmpty);
            json.WriteNumber("writes", plan.WriteCount);
            json.WriteStartObject("labels");
            Strings(json, "add", plan.LabelsToAdd);
            Strings(json, "remove", plan.LabelsToRemove);
            Strings(json, "after", plan.LabelsAfter);
            json.WriteEndObject();
            json.WriteStartObject("comment");
            json.WriteString("action", plan.Comment.Kind.ToString().ToLowerInvariant());
            json.WriteString("existingId", plan.Comment.ExistingId);
            json.WriteBoolean("resolved", plan.Comment.Resolved);
            json.WriteString("artifact", commentArtifact);
            json.WriteEndObject();
            if (plan.Check is null)
            {
                json.WriteNull("check");
            }
            else
            {
                json.WriteStartObject("check");
                json.WriteString("conclusion", ConclusionCode(plan.Check.Conclusion));
                json.WriteString("title", plan.Check.Title);
                json.WriteString("artifact", checkArtifact);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string SourceCode(ItemSource source) => source == ItemSource.AzureDevOps ? Platforms.AzureDevOps : Platforms.GitHub;

    private static string KindCode(ItemKind kind) => kind == ItemKind.PullRequest ? "pull-request" : kind.ToString().ToLowerInvariant();

    private static string ConclusionCode(CheckConclusion conclusion) =>
        conclusion == CheckConclusion.NotApplicable ? "not-applicable" : conclusion.ToString().ToLowerInvariant();

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
