using System.Text.Json;
using System.Text.Json.Serialization;
using AnatomyBot.AzureDevOps.Digest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.AzureDevOps.Rest.Requests;
using AnatomyBot.AzureDevOps.Sweep;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Every JSON shape the Azure DevOps channel sends or reads, generated at build time (no reflection, so the
/// channel runs trimmed and compiled ahead of time). Web defaults, nulls left out when writing.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkItemDto))]
[JsonSerializable(typeof(ListResponse<WorkItemDto>))]
[JsonSerializable(typeof(ListResponse<WorkItemStateDto>))]
[JsonSerializable(typeof(WorkItemCommentDto))]
[JsonSerializable(typeof(WorkItemCommentListDto))]
[JsonSerializable(typeof(GitItemDto))]
[JsonSerializable(typeof(PullRequestDto))]
[JsonSerializable(typeof(ListResponse<PullRequestDto>))]
[JsonSerializable(typeof(ListResponse<ResourceRefDto>))]
[JsonSerializable(typeof(ListResponse<IterationDto>))]
[JsonSerializable(typeof(IterationChangesDto))]
[JsonSerializable(typeof(ThreadDto))]
[JsonSerializable(typeof(ListResponse<ThreadDto>))]
[JsonSerializable(typeof(CommentDto))]
[JsonSerializable(typeof(StatusDto))]
[JsonSerializable(typeof(ListResponse<StatusDto>))]
[JsonSerializable(typeof(WiqlResultDto))]
[JsonSerializable(typeof(JsonPatchOperation[]))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(WorkItemsBatchRequest))]
[JsonSerializable(typeof(TextRequest))]
[JsonSerializable(typeof(ContentRequest))]
[JsonSerializable(typeof(StatusRequest))]
[JsonSerializable(typeof(WiqlRequest))]
[JsonSerializable(typeof(CreateThreadRequest))]
[JsonSerializable(typeof(IterationStatusRequest))]
[JsonSerializable(typeof(ReconcileBody))]
[JsonSerializable(typeof(AzureDevOpsWikiDigestSink.WikiPage))]
internal sealed partial class AzureDevOpsJsonContext : JsonSerializerContext;
