namespace AnatomyBot.Cli.Output;

/// <summary>Output formats of <c>anatomybot lint</c>.</summary>
internal static class LintFormat
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Markdown = "markdown";

    /// <summary>GitHub Actions workflow commands (<c>::error file=…::message</c>): annotations on the file.</summary>
    public const string GitHub = "github";

    /// <summary>Azure Pipelines logging commands (<c>##vso[task.logissue …]message</c>): issues on the run.</summary>
    public const string AzurePipelines = "azure-pipelines";

    public static readonly string[] All = [Text, Json, Markdown, GitHub, AzurePipelines];
}
