namespace AnatomyBot.Core.Links;

/// <summary>How an item links to another: a reference it makes (<c>#N</c>, <c>owner/repo#N</c>, <c>AB#N</c>, a pull
/// request's work-item links) or its parent (sub-issue parent, <c>Parent: #N</c>, an Azure DevOps hierarchy relation).
/// Stored as the number.</summary>
public enum LinkKind
{
    Reference = 0,
    Parent = 1,
}
