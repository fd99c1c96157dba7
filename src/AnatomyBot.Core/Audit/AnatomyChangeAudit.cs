using System.Security.Cryptography;
using System.Text;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Policy;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Core.Audit;

/// <summary>What a commit to the anatomy file adds to the audit trail. Pure.
/// <list type="bullet">
/// <item>Each waiver of the new file, once per item it covers, when first seen: keyed by where the file lives, the waiver's
/// id, the item and its date, so a waiver is recorded again only when its date moves.</item>
/// <item>Each <c>policy.mode</c> that differs from the file before the commit (file-wide, per scope, per value stream), keyed
/// by the commit and the place. A file that did not exist before is compared with the defaults (<c>block</c>).</item>
/// </list>
/// At most <see cref="MaxEntries"/> entries per commit; the waivers are taken in file order.</summary>
public static class AnatomyChangeAudit
{
    /// <summary>The most entries one commit records.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>How the key of an entry recorded from the anatomy file starts.</summary>
    public const string FileKeyPrefix = "file:";

    public static IReadOnlyList<AuditEntry> For(EnterpriseAnatomy? before, EnterpriseAnatomy after, AnatomyCommit commit)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(commit);
        var entries = new List<AuditEntry>();
        var beforeModes = Modes(before?.Policy ?? AnatomyPolicy.Default);
        var afterModes = Modes(after.Policy);
        foreach (var place in afterModes.Keys.Concat(beforeModes.Keys.Where(p => !afterModes.ContainsKey(p))))
        {
            var (was, now) = (beforeModes.GetValueOrDefault(place), afterModes.GetValueOrDefault(place));
            if (was != now)
            {
                entries.Add(Entry(commit, AuditAction.Mode, null, $"{Code(now)} ({place}; was {Code(was)})", null, null, Key("mode", commit.Where, commit.Id, place)));
            }
        }

        foreach (var waiver in after.Waivers)
        {
            foreach (var item in waiver.Items.Where(i => i.Length is > 0 and <= AuditEntry.MaxNameLength))
            {
                var subject = $"{waiver.Id} {string.Join(",", waiver.Gaps)} (approved by {waiver.ApprovedBy})";
                entries.Add(Entry(commit, AuditAction.Waive, item, subject, waiver.Until, waiver.Reason,
                    Key("waiver", commit.Where, waiver.Id, item, WaiverRules.Format(waiver.Until))));
            }
        }

        return entries.Count > MaxEntries ? entries[..MaxEntries] : entries;
    }

    /// <summary>Every place the file sets a mode: <c>policy.mode</c> (always, the default is <c>block</c>), and each scope
    /// that sets its own.</summary>
    private static Dictionary<string, PolicyMode?> Modes(AnatomyPolicy policy)
    {
        var modes = new Dictionary<string, PolicyMode?>(StringComparer.OrdinalIgnoreCase) { ["policy.mode"] = policy.Mode };
        foreach (var scope in policy.Scopes.Where(s => s.Mode is not null))
        {
            var place = scope.Repository is { } repository ? $"scope repository {repository}"
                : scope.AreaPath is { } area ? $"scope area path {area}"
                : $"scope value stream {scope.ValueStream}";
            modes.TryAdd(place, scope.Mode);
        }

        return modes;
    }

    private static string Code(PolicyMode? mode) => mode is { } m ? EnumCodes.ToCode(m) : "not set";

    private static AuditEntry Entry(AnatomyCommit commit, AuditAction action, string? item, string subject, DateOnly? until, string? reason, string key) => new()
    {
        At = commit.At,
        Actor = Bounded(commit.Actor, AuditEntry.MaxNameLength),
        Action = action,
        Item = item,
        Subject = Bounded(subject, AuditEntry.MaxTextLength),
        Until = until,
        Reason = reason is null ? null : Bounded(reason, AuditEntry.MaxTextLength),
        Origin = commit.Url is { Length: <= AuditEntry.MaxUrlLength } url ? url : null,
        Key = key,
    };

    /// <summary>A key of fixed length whatever the names in it: the kind and a SHA-256 of the parts.</summary>
    private static string Key(string kind, params string[] parts) =>
        FileKeyPrefix + kind + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))));

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
