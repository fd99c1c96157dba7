using AnatomyBot.Hosting.Inbox;
using AnatomyBot.Hosting.Processing;

namespace AnatomyBot.Hosting.Tests.Processing;

/// <summary>The options validators generated at build time (<c>[OptionsValidator]</c>) with <c>[TimeSpanRange]</c> and
/// <c>[Range]</c>: both bounds included, an unset interval accepted, a value outside refused naming the key.</summary>
public sealed class GeneratedOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("00:01:00")]
    [InlineData("1.00:00:00")]
    [InlineData("31.00:00:00")]
    public void Validate_SweepIntervalUnsetOrWithinBounds_Succeeds(string? interval)
    {
        var result = new LocalSweepOptionsValidator().Validate(null, new LocalSweepOptions { Interval = Parse(interval) });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("00:00:59")]
    [InlineData("-1.00:00:00")]
    [InlineData("31.00:00:01")]
    public void Validate_SweepIntervalOutsideBounds_FailsNamingTheField(string interval)
    {
        var result = new LocalSweepOptionsValidator().Validate(null, new LocalSweepOptions { Interval = Parse(interval) });

        Assert.True(result.Failed);
        Assert.Contains("Interval must be between 00:01:00 and 31.00:00:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "00:00:05", "Concurrency")]
    [InlineData(65, "00:00:05", "Concurrency")]
    [InlineData(1, "01:00:01", "InfrastructureRetryDelay")]
    [InlineData(1, "-00:00:01", "InfrastructureRetryDelay")]
    public void Validate_InboxOutsideBounds_FailsNamingTheField(int concurrency, string retryDelay, string field)
    {
        var options = new InboxOptions { Concurrency = concurrency, InfrastructureRetryDelay = Parse(retryDelay)!.Value };

        var result = new InboxOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(field, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InboxDefaults_Succeeds()
    {
        var result = new InboxOptionsValidator().Validate(null, new InboxOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static TimeSpan? Parse(string? value) =>
        value is null ? null : TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
