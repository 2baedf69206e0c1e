using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SalesCoach.Bot.BotFramework.Schema;
using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Teams;
using SalesCoach.Reps;

/// <summary>
/// The body of a card click's answer, built and written as the endpoint writes it (the refreshed task prompt,
/// "Done by Ana"): the card parsed into JSON nodes and written again, against a node that writes the card itself.
/// </summary>
[MemoryDiagnoser]
public class CardReplyBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private AdaptiveCard card = null!;

    [GlobalSetup]
    public void Setup()
    {
        var item = new AgendaItem
        {
            LeadId = "acme", LeadName = "Acme Oy", TaskId = "discovery-call", Title = "Book the discovery call",
            StageId = "qualify", DueAt = Now.AddHours(-2),
        };
        var context = new CardContext
        {
            Capabilities = ChannelCapabilities.Teams,
            Now = Now,
            Names = new Dictionary<string, string> { ["ana"] = "Ana Rep" },
        };
        card = TaskPromptCard.Build(item, context);
    }

    /// <summary>Baseline: what each click did before, the card serialised, parsed into nodes and written out.</summary>
    [Benchmark(Baseline = true)]
    public int Baseline_ParsedNodes() => Write(AdaptiveCardInvokeResponse.Card(CardJson.ToJsonObject(card)));

    /// <summary>The card written straight from its model inside the response body.</summary>
    [Benchmark]
    public int SelfWritingNode() => Write(AdaptiveCardInvokeResponse.Card(CardReplies.Json(card)));

    private int Write(JsonObject body)
    {
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer);
        JsonSerializer.Serialize(writer, body, BotJson.Options);
        writer.Flush();
        return buffer.WrittenCount;
    }
}
