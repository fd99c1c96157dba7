using System.Text;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Forms;

/// <summary>The body elements of an issue form, as the ordered maps GitHub's issue-form syntax expects. Dropdown options
/// read <c>ID — Name</c>: the engine takes the id (the text up to the first blank) and splits a multiple choice at commas,
/// so commas and semicolons in names become blanks.</summary>
internal static class IssueFormFields
{
    public static Dictionary<string, object> Markdown(string value) => new()
    {
        ["type"] = "markdown",
        ["attributes"] = new Dictionary<string, object> { ["value"] = value },
    };

    public static Dictionary<string, object> Dropdown(string id, string label, string description, IEnumerable<AnatomyElement> elements) => new()
    {
        ["type"] = "dropdown",
        ["id"] = id,
        ["attributes"] = new Dictionary<string, object>
        {
            ["label"] = label,
            ["description"] = description,
            ["multiple"] = true,
            ["options"] = elements.Select(Option).ToList(),
        },
        ["validations"] = new Dictionary<string, object> { ["required"] = false },
    };

    public static Dictionary<string, object> Input(string id, string label, string description, string placeholder) => new()
    {
        ["type"] = "input",
        ["id"] = id,
        ["attributes"] = new Dictionary<string, object>
        {
            ["label"] = label,
            ["description"] = description,
            ["placeholder"] = placeholder,
        },
    };

    public static Dictionary<string, object> Textarea(string id, string label, string description) => new()
    {
        ["type"] = "textarea",
        ["id"] = id,
        ["attributes"] = new Dictionary<string, object> { ["label"] = label, ["description"] = description },
    };

    /// <summary>The option for <paramref name="element"/>: <c>ID — Name</c>.</summary>
    public static string Option(AnatomyElement element) => $"{element.Id} — {Plain(element.Name)}";

    /// <summary>A form field id (letters, digits, <c>-</c> and <c>_</c>) made from <paramref name="text"/>.</summary>
    public static string FieldId(string text)
    {
        var id = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return id.ToString();
    }

    /// <summary>A name on one line, without the separators a multiple choice is split at.</summary>
    public static string Plain(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            plain.Append(c is ',' or ';' || char.IsControl(c) ? ' ' : c);
        }

        return string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
