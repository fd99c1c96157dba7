namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The gap severity from which <c>check</c> exits 1: <c>block</c> (default), <c>warn</c>, or <c>never</c>.</summary>
internal enum FailOn
{
    Block,
    Warn,
    Never,
}
