namespace SalesCoach.Bot.Tests.Infrastructure;

/// <summary>Bot endpoint tests share one host (a silo takes seconds to start).</summary>
[CollectionDefinition(Name)]
public sealed class BotHostCollection : ICollectionFixture<BotHostFixture>
{
    public const string Name = "bot-host";
}
