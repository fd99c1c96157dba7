namespace AnatomyBot.Cli.Output;

/// <summary>Output formats of <c>anatomybot lint</c>.</summary>
internal static class LintFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Markdown = "markdown";

    public static readonly string[] All = [Text, Json, Markdown];
}
