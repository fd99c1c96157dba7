namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The backlog exports <c>check</c> and <c>digest</c> read, named in the message of a file that is none of them.</summary>
internal static class BacklogFormats
{
    public const string Accepted =
        "accepted: `gh issue list --json …` or `gh pr list --json …` (with number and url), GitHub REST issues " +
        "(`gh api [--paginate] repos/OWNER/REPO/issues`, pages back to back), Azure DevOps work items " +
        "({\"count\",\"value\"} from workitemsbatch, or an array of them)";

    /// <summary>What to do with a WIQL result, which holds work-item ids only.</summary>
    public const string WiqlHint =
        "an Azure DevOps WIQL result lists work-item ids, not the items: turn the ids into items with " +
        "`POST https://dev.azure.com/ORG/PROJECT/_apis/wit/workitemsbatch?api-version=7.1` and the body " +
        "{\"ids\":[…],\"$expand\":\"relations\"} (at most 200 ids per call) and check that file; or set AZURE_DEVOPS_EXT_PAT " +
        "and run check again with --anatomy, which then fetches the listed items itself; or run " +
        "`anatomybot check --azure-devops https://dev.azure.com/ORG/PROJECT` to read the open items live";
}
