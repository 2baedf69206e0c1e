using SalesCoach.Bot.BotFramework;
using SalesCoach.Bot.BotFramework.Connector;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.Tests.BotFramework;

/// <summary>Teams' send limits: a burst over a bucket waits for the next second's tokens instead of failing.</summary>
public sealed class SendLimitsTests
{
    private static Activity To(string conversation, string tenant) =>
        new() { Type = ActivityTypes.Message, Conversation = new ConversationAccount { Id = conversation, TenantId = tenant } };

    private static SendLimits Limits(int perConversation, int perTenant) =>
        new(new BotSettings { MessagesPerSecondPerConversation = perConversation, MessagesPerSecondPerTenant = perTenant }, autoReplenish: false);

    [Fact]
    public async Task AcquireAsync_OverTheConversationsBucket_WaitsForTheNextSecond()
    {
        using var limits = Limits(perConversation: 2, perTenant: 100);
        (await limits.AcquireAsync(To("c1", "t1"), CancellationToken.None)).Dispose();
        (await limits.AcquireAsync(To("c1", "t1"), CancellationToken.None)).Dispose();

        var third = limits.AcquireAsync(To("c1", "t1"), CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);

        limits.Replenish();
        using var lease = await third;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_OverTheTenantsBucket_WaitsEvenInAFreshConversation()
    {
        using var limits = Limits(perConversation: 100, perTenant: 2);
        (await limits.AcquireAsync(To("c1", "t1"), CancellationToken.None)).Dispose();
        (await limits.AcquireAsync(To("c2", "t1"), CancellationToken.None)).Dispose();

        var sameTenant = limits.AcquireAsync(To("c3", "t1"), CancellationToken.None).AsTask();
        var otherTenant = limits.AcquireAsync(To("c4", "t2"), CancellationToken.None).AsTask();

        Assert.False(sameTenant.IsCompleted);
        Assert.True((await otherTenant).IsAcquired); // another tenant has its own bucket
        limits.Replenish();
        Assert.True((await sameTenant).IsAcquired);
    }
}
