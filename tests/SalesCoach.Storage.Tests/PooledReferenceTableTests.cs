using Orleans.Serialization.Session;

namespace SalesCoach.Storage.Tests;

/// <summary>
/// Grain state is written with a reference table kept between writes (<see cref="PooledReferenceTable"/>):
/// the stored bytes must be exactly what Orleans writes alone, or rows would read back wrong.
/// </summary>
public sealed class PooledReferenceTableTests
{
    private readonly ExactSizeGrainStorageSerializer storage = new(TestServices.Serializer, TestServices.Sessions);

    [Theory]
    [InlineData(3)]     // a few references: Orleans alone stays in its small array
    [InlineData(200)]   // past 64: Orleans alone would build a dictionary
    [InlineData(5000)]  // past what the thread keeps: the table is not kept
    public void Serialize_StateWithRepeatedObjectsAndStrings_WritesTheSameBytesAsOrleansAlone(int items)
    {
        var state = Board.Of(items);

        for (var write = 0; write < 3; write++) // the later writes reuse the table the first one left
        {
            var pooled = storage.Serialize(state).ToArray();

            Assert.Equal(TestServices.Serializer.SerializeToArray(state), pooled);
            var read = storage.Deserialize<Board>(new BinaryData(pooled))!;
            Assert.Equal(state.Cards.Select(c => (c.Title, c.Owner)), read.Cards.Select(c => (c.Title, c.Owner)));
            Assert.Same(read.Cards[0], read.Cards[^1]); // a repeated object reads back as one object
        }
    }

    [Fact]
    public void TryLend_OrleansReferenceTableIsReachable()
    {
        // Fails when an Orleans upgrade renames the table's field: the pool would then silently stop lending.
        using var session = TestServices.Sessions.GetSession();

        Assert.True(PooledReferenceTable.TryLend(session));
        PooledReferenceTable.Return(session);
    }

    [GenerateSerializer]
    public sealed class Board
    {
        [Id(0)] public List<Card> Cards { get; set; } = [];

        public static Board Of(int items)
        {
            var owners = new[] { "ana", "bo", "chen" };
            var cards = Enumerable.Range(0, items).Select(i => new Card { Title = $"task {i}", Owner = owners[i % owners.Length] }).ToList();
            cards.Add(cards[0]);
            return new Board { Cards = cards };
        }
    }

    [GenerateSerializer]
    public sealed class Card
    {
        [Id(0)] public string Title { get; set; } = "";
        [Id(1)] public string Owner { get; set; } = "";
    }
}
