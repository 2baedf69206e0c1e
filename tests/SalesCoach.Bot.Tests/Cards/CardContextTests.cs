using SalesCoach.Bot.Cards;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class CardContextTests
{
    [Fact]
    public void Default_IsTeamsInUtc()
    {
        var context = new CardContext();

        Assert.True(context.Capabilities.UniversalActions);
        Assert.Equal(TimeSpan.Zero, context.UtcOffset);
    }

    [Fact]
    public void NameOf_UnknownId_IsTheId()
    {
        var context = new CardContext { Names = new Dictionary<string, string> { ["ana"] = "Ana", ["x"] = " " } };

        Assert.Equal("Ana", context.NameOf("ana"));
        Assert.Equal("bo", context.NameOf("bo"));
        Assert.Equal("x", context.NameOf("x"));
    }

    [Fact]
    public void ForChannel_DirectLine_UsesSubmitAndTheGivenOffset()
    {
        var context = CardContext.ForChannel("directline", TimeSpan.FromHours(3));

        Assert.False(context.Capabilities.UniversalActions);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 13, 0, 0, TimeSpan.FromHours(3)), context.Local(new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.Zero)));
    }
}
