namespace AnatomyBot.Core.Anatomy;

/// <summary>The stable codes of <see cref="AnatomyDiagnostic"/>: parse errors (always <see cref="DiagnosticSeverity.Error"/>,
/// the file is not usable) and lint findings (the file is usable but the anatomy has gaps).</summary>
public static class AnatomyDiagnosticCodes
{
    // Parse errors: the file cannot be read as an anatomy.

    /// <summary>The text is not well-formed YAML (or holds more than one document).</summary>
    public const string YamlSyntax = "yaml-syntax";

    /// <summary>The file holds no document at all.</summary>
    public const string EmptyDocument = "empty-document";

    /// <summary>A YAML anchor (<c>&amp;a</c>) or alias (<c>*a</c>): refused outright, so alias bombs cannot expand.</summary>
    public const string AliasForbidden = "alias-forbidden";

    /// <summary>Nesting deeper than the limit (64 levels).</summary>
    public const string TooDeep = "too-deep";

    /// <summary>More text or more YAML nodes than the limits allow.</summary>
    public const string TooLarge = "too-large";

    /// <summary>A key the file format does not know (keys are case-sensitive).</summary>
    public const string UnknownKey = "unknown-key";

    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>A value of the wrong shape: a list where text is expected, a number where text is expected, etc.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A required key is absent or empty (<c>id</c>, <c>name</c>, <c>kind</c>, <c>version</c>…).</summary>
    public const string MissingField = "missing-field";

    /// <summary>A value outside its allowed set: unknown kind, severity, version, malformed id or repository.</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>An id declared twice (ids are unique across the whole file, compared case-insensitively).</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>A reference to an id that is not declared, or that names an element of the wrong layer.</summary>
    public const string UnknownId = "unknown-id";

    // Lint findings: see AnatomyLinter.

    public const string StageNoOutcome = "stage-no-outcome";
    public const string StageNoLogic = "stage-no-logic";
    public const string LogicNoComponent = "logic-no-component";
    public const string ComponentNoSpec = "component-no-spec";
    public const string OutcomeNoTarget = "outcome-no-target";
    public const string OutcomeUnused = "outcome-unused";
    public const string ComponentUnused = "component-unused";
    public const string ComponentNoOperations = "component-no-operations";

    // Lint findings about waivers: see WaiverLinter.

    /// <summary>A waiver names a gap code that does not exist.</summary>
    public const string WaiverUnknownGap = "waiver-unknown-gap";

    /// <summary>A waiver's <c>until</c> date has passed.</summary>
    public const string WaiverExpired = "waiver-expired";

    /// <summary>A waiver runs longer than <c>policy.waivers.maxDays</c> from today.</summary>
    public const string WaiverTooLong = "waiver-too-long";

    /// <summary>Two waivers share an id.</summary>
    public const string WaiverDuplicateId = "waiver-duplicate-id";

    /// <summary>A waiver matches no gap of the backlog lint was given.</summary>
    public const string WaiverUnused = "waiver-unused";
}
