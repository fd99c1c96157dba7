namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>An id declared in the file: what kind of element it names and where.</summary>
internal sealed record Declaration(string Id, string Kind, SourcePosition Position);
