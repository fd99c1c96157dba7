namespace AnatomyBot.Core.Waivers;

/// <summary>How a waived gap is described wherever it is shown (check output, PR comment, check run), so every output
/// says the same: <c>W-2026-014 until 2026-12-31 by @contoso/architects: Spike; the spec follows</c>.</summary>
public static class WaiverText
{
    public static string Line(Waiver waiver)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        return $"{waiver.Id} until {WaiverRules.Format(waiver.Until)} by {waiver.ApprovedBy}: {waiver.Reason}";
    }
}
