using System.Globalization;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Commands;

/// <summary>The bot's reply to each command: done, or exactly why not. Every reply starts with <see cref="Marker"/>, so
/// the bot never reads its own replies as commands. Deterministic Markdown (golden files). Pure.</summary>
public static class CommandReplies
{
    public const string Marker = "<!-- anatomybot:reply -->";

    /// <summary>Whether <paramref name="body"/> is one of the bot's own comments (a reply or the sticky report).</summary>
    public static bool IsBotComment(string? body) =>
        body is not null && (body.Contains(Marker, StringComparison.Ordinal) || Markers.IsBotComment(body));

    /// <summary>Whether <paramref name="body"/> is one of the bot's replies to a command.</summary>
    public static bool IsReply(string? body) => body?.StartsWith(Marker, StringComparison.Ordinal) == true;

    /// <summary>A reply's lines without the marker.</summary>
    public static IReadOnlyList<string> Text(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return [.. reply.Replace(Marker, "", StringComparison.Ordinal).Trim('\n').Split('\n')];
    }

    /// <summary>An unknown command: the list of commands.</summary>
    public static string Unknown(string line) =>
        Reply([$"❓ {Quoted(line)} is not a command I know. The commands:", "", .. CommentCommands.Usage.Select(u => $"- `{u}`")]);

    /// <summary>A malformed command, or one the anatomy or the day refuses: what is wrong; nothing was changed.</summary>
    public static string Invalid(string line, string problem) =>
        Reply($"⚠️ {Quoted(line)}: {MarkdownText.EscapeKeepingCode(problem)}. Nothing was changed.");

    /// <summary>The commenter may not run the command.</summary>
    public static string NotAllowed(AnatomyCommand command, string actor, string who) =>
        Reply($"⛔ {Quoted(command.Text)}: @{MarkdownText.Flatten(actor)} may not run `/anatomy {Verb(command)}`; it is for {who}. Nothing was changed.");

    /// <summary>Who may run a command, as a reply says it. On Azure DevOps only users named in
    /// <c>policy.waivers.approvers</c> (and, for <c>link</c>, the creator of the pull request or work item the comment is
    /// on, <paramref name="creatorOf"/>) can be recognised: group membership is not readable through the APIs the bot is
    /// held to.</summary>
    public static string Who(CommandAccess permission, IReadOnlyList<string> approvers, bool azureDevOps, string creatorOf = "pull request") => permission switch
    {
        CommandAccess.Write when azureDevOps => $"the {creatorOf}'s creator" + (approvers.Count > 0 ? " and " + Approvers(approvers) : ""),
        CommandAccess.Write => "users with write access to the repository",
        CommandAccess.Approver when approvers.Count > 0 && azureDevOps => Approvers(approvers) + "; on Azure DevOps only users named there by sign-in address are recognised, not groups",
        CommandAccess.Approver when approvers.Count > 0 => Approvers(approvers),
        CommandAccess.Approver when azureDevOps => "project administrators (policy.waivers.approvers is empty), whose membership the bot cannot read on Azure DevOps: name the approvers by sign-in address in policy.waivers.approvers",
        CommandAccess.Approver => "repository maintainers and admins (policy.waivers.approvers is empty)",
        _ => "anyone who can comment",
    };

    private static string Approvers(IReadOnlyList<string> approvers) =>
        "the waiver approvers (policy.waivers.approvers: " + string.Join(", ", approvers.Select(MarkdownText.Flatten)) + ")";

    /// <summary><c>recheck</c> done: the verdict now.</summary>
    public static string Rechecked(ItemEvaluation evaluation) =>
        Reply($"🔄 Re-checked {Noun(evaluation)}: {Verdict(evaluation)}.");

    /// <summary><c>link</c> done: the label or tag added and to which item, and the verdict after.</summary>
    public static string Linked(AnatomyCommand command, string item, bool azureDevOps, ItemEvaluation? after) =>
        Reply($"🔗 Added the {(azureDevOps ? "tag" : "label")} `{command.LinkLabel}` to {MarkdownText.Code(item)}" + (after is null ? "." : $" and re-checked: {Verdict(after)}."));

    /// <summary><c>link</c> on a pull request that links several work items: which one?</summary>
    public static string WhichItem(AnatomyCommand command, IReadOnlyList<string> linked) =>
        Reply(
            $"❔ {Quoted(command.Text)}: this pull request links {linked.Count.ToString(CultureInfo.InvariantCulture)} work items ({string.Join(", ", linked.Select(MarkdownText.Code))}). Add the {command.LinkLabel!.Split(':')[0]} on the one it belongs to, or link the pull request to exactly one. Nothing was changed.");

    /// <summary><c>waive</c> done.</summary>
    public static string Waived(AnatomyCommand command, string item, string actor) =>
        Reply($"✅ Waived {Gap(command.GapCode!)} on {MarkdownText.Code(item)} until {WaiverRules.Format(command.Until!.Value)}, approved by @{MarkdownText.Flatten(actor)}: {MarkdownText.Escape(command.Reason, 500)}",
            "", "The gap stays visible, marked waived; it fails no check and adds no label until the waiver lapses.");

    /// <summary><c>unwaive</c> done, or there was nothing to remove.</summary>
    public static string Unwaived(AnatomyCommand command, string item, bool hadWaiver) => hadWaiver
        ? Reply($"↩️ Removed the waiver of {Gap(command.GapCode!)} on {MarkdownText.Code(item)}; the gap counts again.")
        : Reply($"ℹ️ {MarkdownText.Code(item)} has no waiver of {Gap(command.GapCode!)} made by command. Nothing was changed.");

    /// <summary><c>explain</c>: the trace, each gap with its reason and suggestions with scores, the rule and scope
    /// that applied, and the mode.</summary>
    public static string Explain(ItemEvaluation evaluation, EnterpriseAnatomy anatomy)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(anatomy);
        var lines = new List<string> { $"### 🔎 Anatomy: why {Noun(evaluation)} stands where it does", "", $"**Verdict:** {Verdict(evaluation)}.", "" };
        if (evaluation.IsExempt)
        {
            lines.Add($"Exempt: {MarkdownText.Escape(evaluation.ExemptReason)}.");
            return Reply([.. lines]);
        }

        var (rule, scope) = RuleOf(evaluation, anatomy.Policy);
        lines.Add($"**Rule:** a {EnumCodes.ToCode(evaluation.Item.Kind)} needs {(rule.Require.Count == 0 ? "no links" : string.Join(", ", rule.Require.Select(r => EnumCodes.ToCode(r))))} (severity `{EnumCodes.ToCode(rule.Severity)}`), from {scope}.");
        lines.Add($"**Mode:** `{EnumCodes.ToCode(ModeResolver.For(evaluation, anatomy))}`.");
        lines.Add("");
        lines.Add("**Trace:**");
        lines.Add("");
        foreach (var layer in new[] { Layer.Outcome, Layer.Stage, Layer.Logic, Layer.Component })
        {
            var ids = TraceDetails.Ids(evaluation.Trace, layer);
            lines.Add($"- {layer.ToCode()} {layer.ToNoun()}: " + (ids.Count == 0 ? "none" : string.Join(", ", ids.Select(id => Named(id, anatomy)))));
        }

        lines.Add("");
        if (evaluation.Gaps.Count == 0)
        {
            lines.Add("**Gaps:** none.");
            return Reply([.. lines]);
        }

        lines.Add("**Gaps:**");
        lines.Add("");
        foreach (var gap in evaluation.Gaps)
        {
            var waived = gap.Waiver is { } w ? $" — waived: {MarkdownText.Escape(WaiverText.Line(w))}" : "";
            lines.Add($"- {Gap(gap.Code)} ({EnumCodes.ToCode(gap.Severity)}): {MarkdownText.Escape(gap.Message)}{waived}");
            if (gap.Suggestions.Count > 0)
            {
                lines.Add("  - suggestions: " + string.Join(", ", gap.Suggestions.Select(s => $"{Named(s.Id, anatomy)} (score {s.Score.ToString("0.00", CultureInfo.InvariantCulture)})")));
            }
        }

        return Reply([.. lines]);
    }

    /// <summary>The rule that applied to the item's kind and where it came from: the most specific scope with a rule
    /// for the kind, as the engine chooses it.</summary>
    private static (PolicyRule Rule, string Scope) RuleOf(ItemEvaluation evaluation, AnatomyPolicy policy)
    {
        var item = evaluation.Item;
        PolicyScope? best = null;
        var bestLength = -1;
        foreach (var candidate in policy.Scopes.Where(s => s.Rules.ContainsKey(item.Kind)))
        {
            var length = PolicyResolver.MatchLength(candidate, item.Source, item.Scope ?? "");
            if (length > bestLength)
            {
                (best, bestLength) = (candidate, length);
            }
        }

        if (best is not null)
        {
            return (best.Rules[item.Kind], best.Repository is { } r ? $"the scope of repository `{r}`" : $"the scope of area path `{best.AreaPath}`");
        }

        var onStages = evaluation.Trace.Stages.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byStream = policy.Scopes.FirstOrDefault(s => s.ValueStream is not null && s.Rules.ContainsKey(item.Kind));
        return byStream is not null && onStages.Count > 0
            ? (byStream.Rules[item.Kind], $"the scope of value stream `{byStream.ValueStream}`")
            : policy.Rules.TryGetValue(item.Kind, out var fileWide)
                ? (fileWide, "the file-wide `policy.rules`")
                : (AnatomyPolicy.Defaults[item.Kind], "the defaults");
    }

    private static string Named(string id, EnterpriseAnatomy anatomy) =>
        anatomy.TryGet(id, out var element) ? $"{MarkdownText.Code(element.Id)} {MarkdownText.Escape(element.Name, 80)}" : MarkdownText.Code(id);

    private static string Verdict(ItemEvaluation evaluation) => evaluation.IsExempt
        ? "exempt"
        : evaluation.Gaps.Count == 0
            ? "all links in place"
            : evaluation.Verdict switch
            {
                null => $"{MarkdownText.Plural(evaluation.Gaps.Count, "gap")}, all waived",
                { } severity => $"{MarkdownText.Plural(evaluation.Gaps.Count, "gap")}, the worst `{EnumCodes.ToCode(severity)}`",
            };

    private static string Noun(ItemEvaluation evaluation) => evaluation.Item.Kind == ItemKind.PullRequest ? "this pull request" : $"this {EnumCodes.ToCode(evaluation.Item.Kind).Replace('-', ' ')}";

    private static string Gap(string code) => MarkdownText.Code(code);

    private static string Verb(AnatomyCommand command) => EnumCodes.ToCode(command.Kind);

    private static string Quoted(string line) => MarkdownText.Code(MarkdownText.Clip(line, 100));

    private static string Reply(params string[] lines) => Marker + "\n" + string.Join("\n", lines).TrimEnd('\n') + "\n";
}
