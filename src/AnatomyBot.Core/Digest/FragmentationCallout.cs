namespace AnatomyBot.Core.Digest;

/// <summary>A stage whose work outruns its anatomy: components built with no logic defined, or work with no outcome.</summary>
public sealed record FragmentationCallout(string StageId, string StageName, FragmentationKind Kind, int Items);
