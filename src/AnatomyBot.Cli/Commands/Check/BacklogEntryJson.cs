using System.Text.Json;
using System.Text.Unicode;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Linkage;
using AnatomyBot.GitHub.Mapping;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>How one entry of a backlog file is told apart: its bytes made valid UTF-8 first (one bad item cannot sink the
/// file), then read as an Azure DevOps work item (<c>fields</c> or a bare <c>id</c>), and when that fails, as a GitHub
/// issue (<c>number</c> and no <c>fields</c>) or an Azure DevOps pull request (<c>pullRequestId</c> and
/// <c>repository</c>); else the Azure DevOps failure stands.</summary>
internal static class BacklogEntryJson
{
    /// <summary>The diagnostic of an item whose bytes were not all UTF-8.</summary>
    public const string NotUtf8 = "the item contains bytes that are not valid UTF-8; they were read as U+FFFD (�)";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 };

    /// <summary><paramref name="utf8"/> itself when it is valid UTF-8, else a copy with each invalid sequence replaced by
    /// U+FFFD.</summary>
    public static ReadOnlyMemory<byte> Valid(ReadOnlyMemory<byte> utf8, out bool wasValid)
    {
        wasValid = Utf8.IsValid(utf8.Span);
        return wasValid ? utf8 : Repair(utf8.Span);
    }

    /// <summary><paramref name="item"/>, with the diagnostic that its bytes were repaired unless <paramref name="wasValid"/>.</summary>
    public static WorkItem Noting(WorkItem item, bool wasValid) =>
        wasValid ? item : item with { Diagnostics = [.. item.Diagnostics, NotUtf8] };

    /// <summary>The entry read as a GitHub issue when the Azure DevOps reading failed (<paramref name="azureDevOps"/>) and
    /// it has the shape of one; else the failure, with whatever id could be told and the reason.</summary>
    public static (WorkItem? Item, string Id, ItemSource Source, string? Error) GitHubOr(
        WorkItemMapResult azureDevOps, ReadOnlyMemory<byte> utf8, string displayName, int index)
    {
        var result = azureDevOps;
        var source = ItemSource.AzureDevOps;
        if (result.Item is null)
        {
            using var document = JsonDocument.Parse(utf8, Options);
            var element = document.RootElement;
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("number", out _) && !element.TryGetProperty("fields", out _))
            {
                result = GitHubIssueMapper.Map(element);
                source = ItemSource.GitHub;
            }
            else if (AzureDevOpsPullRequestExport.IsPullRequest(element))
            {
                result = AzureDevOpsPullRequestExport.Map(element);
            }
        }

        return result.Item is { } item
            ? (item, item.Id, source, null)
            : (null, result.Id ?? $"{displayName}[{index}]", source, $"item {index} of {displayName}: {result.Error}");
    }

    private static byte[] Repair(ReadOnlySpan<byte> span)
    {
        var repaired = new List<byte>(span.Length + 64);
        var offset = 0;
        while (offset < span.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                repaired.AddRange(span.Slice(offset, consumed));
            }
            else
            {
                repaired.AddRange("\uFFFD"u8);
            }

            offset += Math.Max(consumed, 1);
        }

        return [.. repaired];
    }
}
