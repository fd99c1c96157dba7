namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>One value read as text: the text, or the fact that it was a string that is not UTF-8.</summary>
internal readonly record struct TextSlot(string? Text, bool NotUtf8)
{
    /// <summary>The text; a diagnostic naming <paramref name="what"/> when it was not UTF-8 (reported where the
    /// value is used, so diagnostics come in the same order whatever the order of the properties).</summary>
    public string? Take(string what, List<string> diagnostics)
    {
        if (NotUtf8)
        {
            diagnostics.Add($"`{what}` is not valid UTF-8 text and was ignored");
        }

        return Text;
    }
}
