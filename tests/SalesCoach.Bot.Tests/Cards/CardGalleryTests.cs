using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Tests.Infrastructure;

namespace SalesCoach.Bot.Tests.Cards;

/// <summary>Every card from every builder, in every state, on both channels: valid, small, honest about who acts.</summary>
public sealed class CardGalleryTests
{
    /// <summary>OnTeams takes at most 28 KB per message, card included.</summary>
    private const int MaxCardBytes = 28 * 1024;

    /// <summary>What action data may name: what to act on, never who acts.</summary>
    private static readonly HashSet<string> DataKeys = ["verb", "card", "leadId", "taskId", "stageId", "utcOffset", "msteams"];

    public static TheoryData<string, string> Cases => CardGallery.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_EveryCardAndChannel_IsValidAgainstTheAdaptiveCard15Schema(string card, string channel)
    {
        CardSchema.AssertValid(CardGallery.Build(card, channel));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_EveryCardAndChannel_DeclaresVersion15AndStaysUnder28KB(string card, string channel)
    {
        var built = CardGallery.Build(card, channel);
        var json = CardJson.ToJsonObject(built);

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.InRange(CardJson.Utf8Size(built), 1, MaxCardBytes - 1);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_EveryCardAndChannel_ShowsItsTextsAndButtons(string card, string channel)
    {
        var sample = CardGallery.Named(card);
        var query = new CardJsonQuery(sample.Build(Samples.Context(CardGallery.Channels[channel])));

        foreach (var text in sample.Texts)
        {
            Assert.Contains(query.Texts, t => t.Contains(text, StringComparison.Ordinal));
        }

        Assert.Equal(sample.Buttons, query.ButtonTitles);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_EveryCardAndChannel_CarriesNoPersonInActionData(string card, string channel)
    {
        var query = new CardJsonQuery(CardGallery.Build(card, channel));

        foreach (var data in query.AllData)
        {
            if (data is JsonValue)
            {
                continue; // a command such as "tasks", which Web Chat posts as text
            }

            var obj = data.AsObject();
            Assert.All(obj.Select(p => p.Key), key => Assert.Contains(key, DataKeys));
            var values = JsonSerializer.Serialize(obj);
            Assert.All(Samples.PersonIds, id => Assert.DoesNotContain($"\"{id}\"", values, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_EveryCardAndChannel_UsesTheChannelsActionKind(string card, string channel)
    {
        var query = new CardJsonQuery(CardGallery.Build(card, channel));
        var types = query.Actions.Select(a => (string)a["type"]!).ToList();

        if (channel == "teams")
        {
            // Verbs are Universal Actions; Action.Submit only carries typed commands (imBack).
            Assert.All(query.Actions.Where(a => (string?)a["type"] == "Action.Submit"), a => Assert.NotNull(a["data"]?["msteams"]));
            Assert.All(query.Actions.Where(a => (string?)a["type"] == "Action.Execute"), a => Assert.Equal((string?)a["verb"], (string?)a["data"]?["verb"]));
        }
        else
        {
            Assert.DoesNotContain("Action.Execute", types);
            Assert.Null(query.RefreshAction);
        }
    }

    [Fact]
    public void Dump_EveryCardAndChannel_WritesTheJsonAndAManifestForTheRenderer()
    {
        var folder = Environment.GetEnvironmentVariable("SALESCOACH_CARDS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "cards");
        Directory.CreateDirectory(folder);

        var manifest = new JsonArray();
        foreach (var sample in CardGallery.Cards)
        {
            foreach (var (channel, capabilities) in CardGallery.Channels)
            {
                var file = $"{sample.Name}.{channel}.json";
                File.WriteAllText(Path.Combine(folder, file), CardJson.ToJsonObject(sample.Build(Samples.Context(capabilities))).ToJsonString(
                    new JsonSerializerOptions { WriteIndented = true, Encoder = CardJson.Options.Encoder }));
                manifest.Add(new JsonObject
                {
                    ["name"] = sample.Name,
                    ["channel"] = channel,
                    ["file"] = file,
                    ["texts"] = new JsonArray([.. sample.Texts.Select(t => JsonValue.Create(t))]),
                    ["buttons"] = new JsonArray([.. sample.Buttons.Select(b => JsonValue.Create(b))]),
                    ["screenshot"] = sample.Screenshot && channel == "teams",
                    ["click"] = sample.Click is not { } click ? null : new JsonObject
                    {
                        ["button"] = click.Button,
                        ["unfold"] = click.Unfold,
                        ["actionType"] = capabilities.UniversalActions ? "Action.Execute" : "Action.Submit",
                        ["data"] = new JsonObject([.. click.Data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)JsonValue.Create(d.Value)))]),
                    },
                });
            }
        }

        File.WriteAllText(Path.Combine(folder, "cards.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = CardJson.Options.Encoder }));
        Assert.Equal(CardGallery.Cards.Count * CardGallery.Channels.Count, Directory.GetFiles(folder, "*.*.json").Length);
    }
}
