using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Digest;

internal readonly record struct ItemKey(ItemSource Source, string Id);
