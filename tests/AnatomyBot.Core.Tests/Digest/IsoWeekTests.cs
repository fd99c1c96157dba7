using AnatomyBot.Core.Digest;

namespace AnatomyBot.Core.Tests.Digest;

public sealed class IsoWeekTests
{
    [Theory]
    [InlineData("2026-W48", 2026, 48)]
    [InlineData("2026W05", 2026, 5)]
    [InlineData(" 2020-w53 ", 2020, 53)]
    public void TryParse_IsoSpellings_Parse(string text, int year, int week)
    {
        Assert.True(IsoWeek.TryParse(text, out var parsed));
        Assert.Equal(new IsoWeek(year, week), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-48")]
    [InlineData("2026-W00")]
    [InlineData("2026-W54")]
    [InlineData("2025-W53")]
    [InlineData("26-W10")]
    [InlineData("2026-W4x")]
    public void TryParse_NotAWeek_False(string text) => Assert.False(IsoWeek.TryParse(text, out _));

    [Fact]
    public void ToString_IsZeroPadded() => Assert.Equal("2026-W05", new IsoWeek(2026, 5).ToString());

    [Fact]
    public void Containing_NewYearsDayInPreviousYearsLastWeek() =>
        Assert.Equal(new IsoWeek(2020, 53), IsoWeek.Containing(new DateOnly(2021, 1, 1)));

    [Fact]
    public void LastComplete_Wednesday_IsPreviousWeek() =>
        Assert.Equal(new IsoWeek(2026, 47), IsoWeek.LastComplete(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));

    [Fact]
    public void LastComplete_MondayEarlyUtcButMondayLocal_UsesLocalDate()
    {
        var plusThree = TimeZoneInfo.CreateCustomTimeZone("UTC+03", TimeSpan.FromHours(3), "UTC+03", "UTC+03");
        var sundayUtc = new DateTimeOffset(2026, 11, 29, 22, 0, 0, TimeSpan.Zero);

        Assert.Equal(new IsoWeek(2026, 47), IsoWeek.LastComplete(sundayUtc, TimeZoneInfo.Utc));
        Assert.Equal(new IsoWeek(2026, 48), IsoWeek.LastComplete(sundayUtc, plusThree));
    }

    [Fact]
    public void AddWeeks_AcrossYearEnd() => Assert.Equal(new IsoWeek(2027, 1), new IsoWeek(2026, 53).AddWeeks(1));

    [Fact]
    public void StartIn_Utc_IsMondayMidnight() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), new IsoWeek(2026, 48).StartIn(TimeZoneInfo.Utc));
}
