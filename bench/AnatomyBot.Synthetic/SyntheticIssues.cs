using System.Globalization;
using System.Text.Json;

namespace AnatomyBot.Synthetic;

/// <summary>Writes a synthetic GitHub backlog as <c>GET /repos/{owner}/{repo}/issues</c> returns it (pull requests
/// carry <c>pull_request</c>), for the synthetic anatomy: issues labelled epic, feature or story that reference
/// elements by label or body line (some mistyped, some inside code), name a parent (<c>Parent: #N</c>, some missing,
/// some in cycles), and pull requests that link issues (<c>Fixes #N</c>, another repository, a missing issue), some by
/// a bot or labelled exempt; a few numbers repeat, and a few entries are not issues at all. Deterministic for a seed.</summary>
public static class SyntheticIssues
{
    private const string Repository = "contoso/shop";

    private static readonly string[] Kinds = ["epic", "feature", "story", "story", "story", "bug"];

    public static void Write(Stream output, int count, int seed)
    {
        var random = new Random(seed);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        for (var number = 1; number <= count; number++)
        {
            var roll = random.Next(100);
            if (number % 150 is 0 or 1 or 149)
            {
                // Two issues naming each other as parent, and one naming itself: parent cycles.
                WriteIssue(json, random, number, count, cycleParent: (number % 150) switch { 0 => number + 1, 1 => number - 1, _ => number });
                continue;
            }

            if (roll < 2)
            {
                WriteUnreadable(json, random, number);
                continue;
            }

            // A repeated number: the second item with the same id is evaluated on its own.
            var written = roll < 4 && number > 10 ? number - random.Next(1, 10) : number;
            if (roll < 30)
            {
                WritePullRequest(json, random, written, count);
            }
            else
            {
                WriteIssue(json, random, written, count, cycleParent: null);
            }
        }

        json.WriteEndArray();
    }

    private static void WriteIssue(Utf8JsonWriter json, Random random, int number, int count, int? cycleParent)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var labels = new List<string> { kind };
        var roll = random.Next(100);
        if (roll < 10)
        {
            labels.Add(Inv($"component:C-{random.Next(250):D3}"));
        }
        else if (roll < 15)
        {
            labels.Add(Inv($"stage:ST-{random.Next(80):D3}"));
        }
        else if (roll < 17)
        {
            labels.Add("anatomy:exempt");
        }

        var body = new List<string> { Words.Phrase(random.Next(1000), 14) + "." };
        roll = random.Next(100);
        if (roll < 20)
        {
            body.Add(Inv($"Component: C-{random.Next(250):D3}"));
        }
        else if (roll < 30)
        {
            body.Add(Inv($"**Stage**: ST-{random.Next(80):D3}, ST-{random.Next(80):D3}"));
        }
        else if (roll < 35)
        {
            body.Add(Inv($"Logic: LG-{random.Next(200):D3}; LG-9{random.Next(100):D2}"));
        }
        else if (roll < 40)
        {
            // A mistyped id: its own words rank its likely target.
            body.Add(Inv($"Component: C-{Words.Word(random.Next(60)).ToUpperInvariant()}-SERVICE"));
        }
        else if (roll < 43)
        {
            body.Add(Inv($"```\nComponent: C-{random.Next(250):D3}\n```"));
        }
        else if (roll < 45)
        {
            body.Add("Outcome: OUT-" + random.Next(10).ToString("D2", CultureInfo.InvariantCulture) + " — délai réduit ✓");
        }

        roll = random.Next(100);
        if (cycleParent is { } parent)
        {
            body.Add(Inv($"Parent: #{parent}"));
        }
        else if (roll < 35)
        {
            body.Add(Inv($"Parent: #{random.Next(1, count + 1)}"));
        }
        else if (roll < 38)
        {
            body.Add(Inv($"Parent: #{count + 100 + random.Next(100)}"));
        }

        body.Add(Words.Phrase(random.Next(1000), 9) + ".");
        WriteEntry(json, number, Words.Title(random.Next(1000)) + " " + Words.Phrase(random.Next(1000), 3), $"person{random.Next(40)}",
            labels, string.Join("\n\n", body), random.Next(5) == 0 ? "closed" : "open", pullRequest: false);
    }

    private static void WritePullRequest(Utf8JsonWriter json, Random random, int number, int count)
    {
        var labels = new List<string>();
        var author = random.Next(100) < 8 ? "dependabot[bot]" : $"person{random.Next(40)}";
        if (random.Next(100) < 3)
        {
            labels.Add("anatomy:exempt");
        }

        var body = new List<string> { Words.Phrase(random.Next(1000), 10) + "." };
        var roll = random.Next(100);
        if (roll < 50)
        {
            body.Add(Inv($"Fixes #{random.Next(1, count + 1)}"));
        }
        else if (roll < 60)
        {
            body.Add(Inv($"Closes #{random.Next(1, count + 1)} and relates to {Repository}#{random.Next(1, count + 1)}"));
        }
        else if (roll < 65)
        {
            body.Add(Inv($"See https://github.com/{Repository}/issues/{random.Next(1, count + 1)}"));
        }
        else if (roll < 70)
        {
            body.Add(Inv($"Fixes other/repo#{random.Next(1, 50)}"));
        }
        else if (roll < 75)
        {
            body.Add(Inv($"Fixes #{count + 500 + random.Next(100)}"));
        }

        if (random.Next(100) < 20)
        {
            body.Add(Inv($"Component: C-{random.Next(250):D3}"));
        }

        WriteEntry(json, number, Words.Title(random.Next(1000)) + " change", author, labels, string.Join("\n", body),
            random.Next(4) == 0 ? "closed" : "open", pullRequest: true);
    }

    private static void WriteEntry(Utf8JsonWriter json, int number, string title, string login, List<string> labels, string body, string state, bool pullRequest)
    {
        json.WriteStartObject();
        json.WriteString("url", Inv($"https://api.github.com/repos/{Repository}/issues/{number}"));
        json.WriteString("repository_url", $"https://api.github.com/repos/{Repository}");
        json.WriteString("html_url", Inv($"https://github.com/{Repository}/{(pullRequest ? "pull" : "issues")}/{number}"));
        json.WriteNumber("id", 900_000 + number);
        json.WriteNumber("number", number);
        json.WriteString("title", title);
        json.WriteStartObject("user");
        json.WriteString("login", login);
        json.WriteString("type", login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User");
        json.WriteEndObject();
        json.WriteStartArray("labels");
        foreach (var label in labels)
        {
            json.WriteStartObject();
            json.WriteString("name", label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("state", state);
        json.WriteString("body", body);
        if (pullRequest)
        {
            json.WriteStartObject("pull_request");
            json.WriteString("url", Inv($"https://api.github.com/repos/{Repository}/pulls/{number}"));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteUnreadable(Utf8JsonWriter json, Random random, int number)
    {
        if (random.Next(2) == 0)
        {
            json.WriteStringValue("not an issue");
            return;
        }

        json.WriteStartObject();
        json.WriteNumber("number", number);
        json.WriteString("title", "an issue without a repository");
        json.WriteEndObject();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
