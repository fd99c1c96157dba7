using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Digest;

/// <summary>One open gap of a tracked item; <see cref="OpenedAt"/> is the latest <c>opened</c> event seen for it.</summary>
internal sealed class GapSlot(string code, GapSeverity severity)
{
    public string Code { get; } = code;

    public GapSeverity Severity { get; } = severity;

    public long OpenedAt { get; set; } = long.MinValue;
}
