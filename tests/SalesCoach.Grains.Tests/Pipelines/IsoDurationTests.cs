using SalesCoach.Pipelines;

namespace SalesCoach.Grains.Tests.Pipelines;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P2D", 48 * 60)]
    [InlineData("PT4H", 4 * 60)]
    [InlineData("P1DT12H", 36 * 60)]
    [InlineData("PT90M", 90)]
    [InlineData("P1W", 7 * 24 * 60)]
    public void TryParse_IsoDurations_GivesTheSpan(string text, int minutes)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2d")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("-P1D")]
    public void TryParse_NotAnAllowedDuration_Fails(string? text) => Assert.False(IsoDuration.TryParse(text, out _));
}
