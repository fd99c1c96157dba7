using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace AnatomyBot.Core.Pipeline;

/// <summary>Options validation of a <see cref="TimeSpan"/> (or an unset <see cref="Nullable{TimeSpan}"/>) between two
/// bounds in the invariant <c>[d.]hh:mm:ss</c> form. Unlike <c>[Range(typeof(TimeSpan), …)]</c> it converts no type by
/// reflection, so it is safe to trim and to compile ahead of time.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"The field {name} must be between {Minimum} and {Maximum}.");
}
