namespace AnatomyBot.Cli.Input;

/// <summary>The text of an anatomy file and the name to print in diagnostics (the path as the user gave it).</summary>
internal sealed record AnatomyText(string Name, string Text);
