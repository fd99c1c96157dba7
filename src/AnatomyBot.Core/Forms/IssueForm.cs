namespace AnatomyBot.Core.Forms;

/// <summary>One GitHub issue form: its file name under <c>.github/ISSUE_TEMPLATE</c> and its YAML text.</summary>
public sealed record IssueForm(string FileName, string Text);
