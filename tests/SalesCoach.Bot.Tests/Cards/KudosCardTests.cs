using SalesCoach.Bot.Cards;
using SalesCoach.Bot.Tests.Infrastructure;
using static SalesCoach.Bot.Tests.Infrastructure.Samples;

namespace SalesCoach.Bot.Tests.Cards;

public sealed class KudosCardTests
{
    [Fact]
    public void Received_NamesTheSenderAndTheMessage()
    {
        var query = new CardJsonQuery(KudosCard.Received("Maria", "Great demo!", OnTeams, Now));

        Assert.Equal(["👏 Kudos", "From Maria", "Great demo!", "Sent · today 08:30"], query.Texts);
        Assert.Empty(query.Actions);
    }

    [Fact]
    public void Received_Notification_ReadsTheSenderFromTheTitle()
    {
        var texts = new CardJsonQuery(KudosCard.Received(Kudos(), OnTeams)).Texts;

        Assert.Contains("From Maria", texts);
        Assert.Contains("Great demo for Acme today, the use cases were spot on.", texts);
    }

    [Fact]
    public void SendForm_HasARepPickerAMessageAndSend()
    {
        var query = new CardJsonQuery(KudosCard.SendForm([Samples.Reps[2], Samples.Reps[0], Samples.Reps[1]], OnTeams));

        var picker = query.Inputs[CardInputs.KudosTo];
        Assert.Equal("Input.ChoiceSet", (string?)picker["type"]);
        Assert.True((bool?)picker["isRequired"]);
        Assert.Equal(
            [("Ana", "ana"), ("Bo", "bo"), ("Chen", "chen")],
            picker["choices"]!.AsArray().Select(c => ((string?)c!["title"], (string?)c["value"])));
        var text = query.Inputs[CardInputs.KudosText];
        Assert.True((bool?)text["isMultiline"]);
        Assert.Equal(KudosCard.MaxText, (int?)text["maxLength"]);
        Assert.Equal(["Send"], query.ButtonTitles);
    }

    [Fact]
    public void SendForm_Send_CarriesOnlyTheVerbTheRecipientComesFromThePicker()
    {
        var send = new CardJsonQuery(KudosCard.SendForm(Samples.Reps, OnTeams, to: "bo")).Action("Send");

        Assert.Equal("Action.Execute", (string?)send["type"]);
        Assert.Equal("""{"verb":"kudos.send","card":"kudosSend"}""", send["data"]!.ToJsonString());
    }

    [Fact]
    public void SendForm_FromTheCommand_IsPrefilledAndSaysWhatWasWrong()
    {
        var query = new CardJsonQuery(KudosCard.SendForm(Samples.Reps, OnWebChat, to: "bo", text: "Nice call", problem: "Write a few more words."));

        Assert.Equal("bo", (string?)query.Inputs[CardInputs.KudosTo]["value"]);
        Assert.Equal("Nice call", (string?)query.Inputs[CardInputs.KudosText]["value"]);
        Assert.Contains("Write a few more words.", query.Texts);
    }

    [Fact]
    public void SendForm_UnknownRecipient_IsNotPreselected()
    {
        var query = new CardJsonQuery(KudosCard.SendForm(Samples.Reps, OnTeams, to: "nobody"));

        Assert.Null(query.Inputs[CardInputs.KudosTo]["value"]);
    }

    [Fact]
    public void Sent_ConfirmsWithoutButtons()
    {
        var query = new CardJsonQuery(KudosCard.Sent("Ana", "Great demo!"));

        Assert.Equal(["✓ Kudos sent to Ana", "Great demo!"], query.Texts);
        Assert.Empty(query.Actions);
    }
}
