namespace AnatomyBot.Core.Anatomy;

/// <summary>The outcome of parsing <c>anatomy.yml</c> text: the anatomy when the file is valid, and every error found
/// (all of them, not only the first).</summary>
public sealed record AnatomyParseResult(EnterpriseAnatomy? Anatomy, IReadOnlyList<AnatomyDiagnostic> Errors)
{
    public bool IsValid => Anatomy is not null && Errors.Count == 0;
}
