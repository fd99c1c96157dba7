using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Digest;

/// <summary>An item the digest names, with a link a person can open.</summary>
public sealed record DigestItemRef(ItemSource Source, string Id, string Title, string? Url, string Scope);
