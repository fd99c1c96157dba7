using System.Text;
using System.Text.Json;

namespace AnatomyBot.Synthetic;

/// <summary>Writes a synthetic Azure DevOps backlog in the REST shape (<c>{"count","value"}</c>, work items with the
/// usual system fields, identities and relations): 5% epics, 20% features, 65% stories, 10% bugs and tasks; 40% of
/// items have a parent, three levels deep (story → feature → epic); HTML descriptions, a third with a reference line
/// and a few with unknown ids. Deterministic for a seed.</summary>
public static class SyntheticBacklog
{
    private static readonly string[] States = ["New", "Active", "Resolved", "Closed"];

    public static void Write(Stream output, int count, int seed)
    {
        var random = new Random(seed);
        var epics = new List<int>();
        var features = new List<int>();
        var stories = new List<int>();
        // Azure DevOps writes HTML in descriptions as it is (`<div>`), not as `\u003Cdiv\u003E` escapes.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("count", count);
        json.WriteStartArray("value");
        for (var i = 0; i < count; i++)
        {
            var id = 10_000 + i;
            var roll = random.Next(100);
            var (type, parents, own) = roll switch
            {
                < 5 => ("Epic", null, epics),
                < 25 => ("Feature", epics, features),
                < 90 => ("User Story", features, stories),
                _ => (random.Next(2) == 0 ? "Bug" : "Task", stories, null),
            };
            int? parent = parents is { Count: > 0 } && random.Next(100) < 40 ? parents[random.Next(parents.Count)] : null;
            own?.Add(id);
            WriteItem(json, random, id, type, parent);
            if (json.BytesPending > 1 << 16)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter json, Random random, int id, string type, int? parent)
    {
        json.WriteStartObject();
        json.WriteNumber("id", id);
        json.WriteNumber("rev", random.Next(1, 30));
        json.WriteStartObject("fields");
        json.WriteString("System.AreaPath", $"Contoso\\Team {random.Next(12)}");
        json.WriteString("System.TeamProject", "Contoso");
        json.WriteString("System.IterationPath", $"Contoso\\Sprint {random.Next(40)}");
        json.WriteString("System.WorkItemType", type);
        json.WriteString("System.State", States[random.Next(States.Length)]);
        json.WriteString("System.Reason", "New");
        json.WriteString("System.CreatedDate", "2026-10-01T09:30:00.123Z");
        Identity(json, "System.CreatedBy", random.Next(200));
        Identity(json, "System.ChangedBy", random.Next(200));
        json.WriteString("System.ChangedDate", "2026-11-20T16:45:10.5Z");
        json.WriteString("System.Title", Words.Title(random.Next(1000)) + " " + Words.Phrase(random.Next(1000), 4));
        json.WriteString("System.Description", Description(random));
        if (random.Next(4) == 0)
        {
            json.WriteString("System.Tags", random.Next(3) == 0 ? $"team-{random.Next(9)}; stage:ST-{random.Next(80):D3}" : $"team-{random.Next(9)}; q4");
        }

        json.WriteNumber("Microsoft.VSTS.Common.Priority", random.Next(1, 5));
        json.WriteNumber("Microsoft.VSTS.Scheduling.StoryPoints", random.Next(1, 13));
        if (parent is { } p)
        {
            json.WriteNumber("System.Parent", p);
        }

        json.WriteEndObject();
        json.WriteStartArray("relations");
        if (parent is { } parentId)
        {
            json.WriteStartObject();
            json.WriteString("rel", "System.LinkTypes.Hierarchy-Reverse");
            json.WriteString("url", $"https://dev.azure.com/contoso/_apis/wit/workItems/{parentId}");
            json.WriteStartObject("attributes");
            json.WriteBoolean("isLocked", false);
            json.WriteString("name", "Parent");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("url", $"https://dev.azure.com/contoso/_apis/wit/workItems/{id}");
        json.WriteEndObject();
    }

    private static void Identity(Utf8JsonWriter json, string field, int person)
    {
        json.WriteStartObject(field);
        json.WriteString("displayName", $"Person {person}");
        json.WriteString("url", $"https://spsprodweu5.vssps.visualstudio.com/A1/_apis/Identities/{person:D8}-0000-0000-0000-000000000000");
        json.WriteString("id", $"{person:D8}-0000-0000-0000-000000000000");
        json.WriteString("uniqueName", $"person{person}@contoso.com");
        json.WriteString("descriptor", $"aad.{person:D8}");
        json.WriteEndObject();
    }

    private static string Description(Random random)
    {
        var html = new StringBuilder();
        html.Append("<div>As a ").Append(Words.Word(random.Next(60))).Append(" manager I want ").Append(Words.Phrase(random.Next(1000), 12)).Append(".</div>");
        html.Append("<div><br></div><ul><li>").Append(Words.Phrase(random.Next(1000), 8)).Append("</li><li>").Append(Words.Phrase(random.Next(1000), 9)).Append("</li></ul>");
        var roll = random.Next(100);
        if (roll < 15)
        {
            html.Append("<div>Component: C-").Append(random.Next(250).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append("</div>");
        }
        else if (roll < 25)
        {
            html.Append("<div>Stage: ST-").Append(random.Next(80).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append("</div>");
        }
        else if (roll < 32)
        {
            html.Append("<div><b>Outcome:</b> OUT-").Append(random.Next(10).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Append("</div>");
        }
        else if (roll < 34)
        {
            html.Append("<div>Logic: LG-999, LG-").Append(random.Next(200).ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append("</div>");
        }

        html.Append("<div>Acceptance: ").Append(Words.Phrase(random.Next(1000), 10)).Append(".</div>");
        return html.ToString();
    }
}
