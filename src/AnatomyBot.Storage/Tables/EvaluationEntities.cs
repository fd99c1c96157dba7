using System.Globalization;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;
using AnatomyBot.Storage.Serialization;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>Evaluation and gap event ↔ table entity. Evaluations: partition = source code (<c>github</c>,
/// <c>azure-devops</c>), row = escaped item id. Gap events: partition = UTC day <c>yyyyMMdd</c>, row =
/// <c>{ticks:D19}|{source}|{item}|{code}|{kind}</c>, so partitions then rows are in time order. Times are UTC ticks.</summary>
internal static class EvaluationEntities
{
    public static string SourcePartition(ItemSource source) => source == ItemSource.GitHub ? "github" : "azure-devops";

    public static TableEntity ToEntity(StoredEvaluation evaluation) => new(SourcePartition(evaluation.Source), TableKey.Escape(evaluation.ItemId))
    {
        ["Source"] = (int)evaluation.Source,
        ["ItemId"] = evaluation.ItemId,
        ["Kind"] = (int)evaluation.Kind,
        ["Title"] = evaluation.Title,
        ["Url"] = evaluation.Url,
        ["Scope"] = evaluation.Scope,
        ["Layer"] = (int)evaluation.Layer,
        ["Trace"] = EvaluationCodec.EncodeTrace(evaluation.Trace),
        ["Gaps"] = EvaluationCodec.EncodeGaps(evaluation.Gaps),
        ["IsExempt"] = evaluation.IsExempt,
        ["IsOpen"] = evaluation.IsOpen,
        ["MergedAt"] = evaluation.MergedAt?.UtcTicks,
        ["FirstSeen"] = evaluation.FirstSeen.UtcTicks,
        ["EvaluatedAt"] = evaluation.EvaluatedAt.UtcTicks,
    };

    public static StoredEvaluation FromEntity(TableEntity entity) => new()
    {
        Source = (ItemSource)(entity.GetInt32("Source") ?? 0),
        ItemId = entity.GetString("ItemId"),
        Kind = (ItemKind)(entity.GetInt32("Kind") ?? 0),
        Title = entity.GetString("Title"),
        Url = entity.GetString("Url"),
        Scope = entity.GetString("Scope"),
        Layer = (Layer)(entity.GetInt32("Layer") ?? 0),
        Trace = EvaluationCodec.DecodeTrace(entity.GetString("Trace")),
        Gaps = EvaluationCodec.DecodeGaps(entity.GetString("Gaps")),
        IsExempt = entity.GetBoolean("IsExempt") ?? false,
        IsOpen = entity.GetBoolean("IsOpen") ?? true,
        MergedAt = entity.GetInt64("MergedAt") is { } merged ? new DateTimeOffset(merged, TimeSpan.Zero) : null,
        FirstSeen = DeliveryEntities.Ticks(entity, "FirstSeen"),
        EvaluatedAt = DeliveryEntities.Ticks(entity, "EvaluatedAt"),
    };

    public static string DayPartition(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string TicksKey(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(GapEvent gapEvent) => new(
        DayPartition(gapEvent.At),
        TableKey.Join(TicksKey(gapEvent.At), SourcePartition(gapEvent.Source), TableKey.Escape(gapEvent.ItemId), TableKey.Escape(gapEvent.Code), gapEvent.Kind.ToString()))
    {
        ["Source"] = (int)gapEvent.Source,
        ["ItemId"] = gapEvent.ItemId,
        ["Code"] = gapEvent.Code,
        ["Severity"] = (int)gapEvent.Severity,
        ["Kind"] = (int)gapEvent.Kind,
        ["At"] = gapEvent.At.UtcTicks,
    };

    public static GapEvent GapEventFromEntity(TableEntity entity) => new(
        (ItemSource)(entity.GetInt32("Source") ?? 0),
        entity.GetString("ItemId"),
        GapCodeNames.Intern(entity.GetString("Code")),
        (GapSeverity)(entity.GetInt32("Severity") ?? 0),
        (GapEventKind)(entity.GetInt32("Kind") ?? 0),
        DeliveryEntities.Ticks(entity, "At"));
}
