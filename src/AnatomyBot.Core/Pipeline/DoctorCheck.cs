namespace AnatomyBot.Core.Pipeline;

/// <summary>One finding of <c>anatomybot doctor</c>: what was checked, what was found and, when it failed, how to fix it.</summary>
public sealed record DoctorCheck(string Name, bool Passed, string Finding, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string finding) => new(name, true, finding);

    public static DoctorCheck Fail(string name, string finding, string fix) => new(name, false, finding, fix);
}
