using SalesCoach.Bot.Cards;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class ChannelCapabilitiesTests
{
    [Theory]
    [InlineData("msteams")]
    [InlineData("MSTeams")]
    public void ForChannel_Teams_HasUniversalActions(string channelId)
    {
        Assert.True(ChannelCapabilities.ForChannel(channelId).UniversalActions);
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("webchat")]
    [InlineData("emulator")]
    [InlineData("")]
    [InlineData(null)]
    public void ForChannel_EveryOtherChannel_UsesSubmit(string? channelId)
    {
        Assert.False(ChannelCapabilities.ForChannel(channelId).UniversalActions);
    }

    [Fact]
    public void ForChannel_KeepsTheChannelId()
    {
        Assert.Equal("webchat", ChannelCapabilities.ForChannel("WebChat").ChannelId);
        Assert.Equal("directline", ChannelCapabilities.ForChannel(null).ChannelId);
    }
}
