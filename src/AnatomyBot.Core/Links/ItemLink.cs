using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Links;

/// <summary>One outgoing link of an evaluated item: the item it links to (in that platform's id space: <c>owner/repo#45</c>
/// on GitHub, <c>123</c> on Azure Boards) and how.</summary>
public sealed record ItemLink(ItemSource Source, string Id, LinkKind Kind);
