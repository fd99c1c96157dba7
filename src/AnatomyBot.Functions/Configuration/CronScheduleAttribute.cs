using System.ComponentModel.DataAnnotations;

namespace AnatomyBot.Functions.Configuration;

/// <summary>A six-field NCRONTAB expression (<c>second minute hour day month day-of-week</c>), the form timer triggers take.
/// A five-field Unix cron is the usual mistake, and the host would only fail when the timer is indexed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CronScheduleAttribute : ValidationAttribute
{
    public CronScheduleAttribute()
        : base("{0} must be a six-field CRON expression (second minute hour day month day-of-week), e.g. '0 0 7 * * Mon'.")
    {
    }

    public override bool IsValid(object? value) =>
        value is string text
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 6 } fields
        && fields.All(f => f.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or ',' or '-' or '/' or '?'));
}
