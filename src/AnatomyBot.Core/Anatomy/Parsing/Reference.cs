namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>An id written in a reference list, with where it was written and which layer it must name.</summary>
internal sealed record Reference(string Id, SourcePosition Position, string ExpectedKind, string OwnerId);
