using System.Text.Json.Nodes;
using SalesCoach.Bot.Cards.Model;
using SalesCoach.Bot.Tests.Infrastructure;

namespace SalesCoach.Bot.Tests.Cards;

/// <summary>The model writes the official JSON, and the schema check really rejects what is not.</summary>
public sealed class AdaptiveCardModelTests
{
    [Fact]
    public void Serialize_EveryKind_WritesTheOfficialNamesTypeFirstAndNoNulls()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock { Text = "Hi", Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Attention },
                new RichTextBlock { Inlines = [new TextRun { Text = "*as is*", Italic = true }] },
                new FactSet { Facts = [new Fact("Lead", "Acme")] },
                new Container { Style = ContainerStyle.Emphasis, Items = [new Image { Url = "https://example.com/a.png", Size = ImageSize.Small, Style = ImageStyle.Person }] },
                new ColumnSet { Columns = [new Column { Width = Column.Pixels(40), Items = [new TextBlock { Text = "x" }] }] },
                new TextInput { Id = "t", IsMultiline = true, Style = TextInputStyle.Email },
                new DateInput { Id = "d", Min = "2025-01-01" },
                new TimeInput { Id = "h", Value = "09:00" },
                new ChoiceSetInput { Id = "c", Style = ChoiceInputStyle.Expanded, Choices = [new Choice("One", "1")] },
                new ActionSet { Actions = [new OpenUrlAction { Title = "Docs", Url = "https://example.com" }] },
            ],
            Actions =
            [
                new ExecuteAction { Title = "Go", Verb = "v", Data = new { a = 1 }, AssociatedInputs = AssociatedInputs.None, Mode = ActionMode.Secondary },
                new SubmitAction { Title = "Send", Data = "text" },
                new ShowCardAction { Title = "More", Card = AdaptiveCard.Nested([new TextBlock { Text = "inside" }]) },
            ],
        };

        var json = CardJson.Serialize(card);

        Assert.StartsWith("""{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"TextBlock","text":"Hi","size":"extraLarge","weight":"bolder","color":"attention"}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"*as is*","italic":true}]}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Column","items":[{"type":"TextBlock","text":"x"}],"width":"40px"}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Input.Text","id":"t","isMultiline":true,"style":"email"}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Action.Execute","title":"Go","verb":"v","data":{"a":1},"associatedInputs":"none","mode":"secondary"}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Action.Submit","title":"Send","data":"text"}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"inside"}]}}""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        CardSchema.AssertValid(card);
    }

    [Fact]
    public void Serialize_NonAsciiText_IsWrittenAsIs()
    {
        Assert.Contains("✓ Done — “Ana”", CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock { Text = "✓ Done — “Ana”" }] }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"huge"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Chart.Pie"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.OpenUrl","title":"x"}]}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","refresh":{"action":{"type":"Action.Submit"}}}""")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","msteams":{"width":"Full"}}""")]
    public void Schema_InvalidCards_AreRejected(string json)
    {
        Assert.NotEmpty(CardSchema.Problems(JsonNode.Parse(json)!));
    }

    [Fact]
    public void Schema_IsFoundBesideAnAncestorOfTheRepository()
    {
        var path = CardSchema.Locate();

        Assert.EndsWith(Path.Combine("shared", "schemas", "adaptive-card-1.5.json"), path, StringComparison.Ordinal);
    }
}
