using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Linkage;

/// <summary>One id an item names for a layer (from a label or tag, a body line, or a policy field), as written.</summary>
public readonly record struct ElementReference(Layer Layer, string Id);
