using System.Globalization;
using SalesCoach.Analytics;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// The funnel for managers: a bar per stage (width by leads entered) with counts and conversion,
/// then win rate, deal size, cycle and forecast (by stage probability and by the historical
/// stage-to-win rate) against quota, and filters (pipeline, team, rep, period) that redraw the card
/// (<see cref="CardVerbs.FilterFunnel"/>).
/// </summary>
public static class FunnelCard
{
    /// <summary>The widest bar, in pixels: with the stage name and "120 in · 76% on · 3 stuck" it fits Teams' narrowest card.</summary>
    public const int BarWidth = 120;

    public static AdaptiveCard Build(FunnelView view, CardContext context)
    {
        var funnel = view.Funnel;
        var widest = Math.Max(1, funnel.Stages.Select(s => s.Entered).DefaultIfEmpty(0).Max());
        var body = new List<CardElement?>
        {
            CardParts.Heading($"Funnel · {view.Scope}"),
            CardParts.Subtle(view.PipelineName is { } pipeline ? $"{pipeline} · {FunnelPeriods.Title(view.Period)}" : FunnelPeriods.Title(view.Period)),
        };

        body.AddRange(funnel.Stages.Select(stage => Bar(stage, widest)));
        if (funnel.Stages.Count == 0)
        {
            body.Add(CardParts.Text("No stages yet: save a pipeline first.", subtle: true));
        }

        body.Add(new FactSet
        {
            Spacing = Spacing.Medium,
            Facts =
            [
                new Fact("Won / lost", $"{funnel.Won} / {funnel.Lost}"),
                new Fact("Win rate", Percent(funnel.WinRate)),
                new Fact("Average deal", Money(funnel.AvgDealSize)),
                new Fact("Sales cycle", Days(funnel.CycleDays)),
                new Fact("Ask → decision", Days(funnel.AskToDecisionDays)),
                new Fact("Forecast", view.Forecast is { } f ? $"{Money(f.OpenNow)} open (weighted) · {Money(f.HistoricalOpenNow)} by win history" : "–"),
                new Fact("Won vs quota", view.Quota is { } quota && quota > 0
                    ? $"{Money(funnel.WonAmount)} of {Money(quota)} ({Percent(Rates.Of(funnel.WonAmount, quota))})"
                    : $"{Money(funnel.WonAmount)} (no quota set)"),
                .. ForecastVsQuota(view),
            ],
        });
        body.AddRange(Filters(view));
        return CardParts.Card(
            body,
            fallbackText: $"Funnel {view.Scope}: {funnel.Won} won, {funnel.Lost} lost, win rate {Percent(funnel.WinRate)}.",
            actions: [CardActions.Verb("Update", new CardActionData { Verb = CardVerbs.FilterFunnel, Card = CardNames.Funnel }, context)]);
    }

    /// <summary>Won so far plus the open pipeline by win history, against the quota: where the period is heading.</summary>
    private static Fact[] ForecastVsQuota(FunnelView view) =>
        view.Forecast is { } f && view.Quota is { } quota && quota > 0
            ? [new Fact("Forecast vs quota", $"{Money(view.Funnel.WonAmount + f.HistoricalOpenNow)} of {Money(quota)} ({Percent(Rates.Of(view.Funnel.WonAmount + f.HistoricalOpenNow, quota))}) by win history")]
            : [];

    private static ColumnSet Bar(StageFunnel stage, long widest)
    {
        var width = stage.Entered == 0 ? 4 : Math.Max(8, (int)Math.Round(BarWidth * (double)stage.Entered / widest));
        var detail = $"{stage.Entered} in · {Percent(stage.Conversion)} on" + (stage.Stuck > 0 ? $" · {stage.Stuck} stuck" : "");
        return new ColumnSet
        {
            Spacing = Spacing.Small,
            Columns =
            [
                new Column { Width = Column.Pixels(96), Items = [CardParts.Text(CardParts.Shorten(stage.Name, 18), size: TextSize.Small, wrap: false)] },
                new Column
                {
                    Width = Column.Pixels(width),
                    Style = stage.Stuck > 0 ? ContainerStyle.Warning : ContainerStyle.Accent,
                    Items = [new TextBlock { Text = " ", Size = TextSize.Small }],
                },
                new Column
                {
                    Width = Column.Stretch,
                    Items = [CardParts.Text(detail, size: TextSize.Small, subtle: true, wrap: false)],
                },
            ],
        };
    }

    private static IEnumerable<CardElement> Filters(FunnelView view)
    {
        if (view.Pipelines is { Count: > 1 } pipelines)
        {
            yield return Choice(CardInputs.Pipeline, "Pipeline", "My team's pipeline", view.PipelineId, pipelines);
        }

        if (view.Teams.Count > 0)
        {
            yield return Choice(CardInputs.FunnelTeam, "Team", "All my teams", view.TeamId, view.Teams);
        }

        if (view.Reps.Count > 0)
        {
            yield return Choice(CardInputs.FunnelRep, "Rep", "Everyone", view.RepId, view.Reps);
        }

        yield return new ChoiceSetInput
        {
            Id = CardInputs.FunnelPeriod,
            Label = "Period",
            Style = ChoiceInputStyle.Compact,
            Value = view.Period ?? FunnelPeriods.Last90Days,
            Choices = [.. FunnelPeriods.Choices.Select(c => new Choice(c.Title, c.Value))],
        };
    }

    private static ChoiceSetInput Choice(string id, string label, string placeholder, string? value, IReadOnlyList<(string Id, string Name)> options) => new()
    {
        Id = id,
        Label = label,
        Style = ChoiceInputStyle.Compact,
        Placeholder = placeholder,
        Value = options.Any(o => o.Id == value) ? value : null,
        Choices = [.. options.Select(o => new Choice(o.Name, o.Id))],
    };

    internal static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    internal static string Money(decimal? amount) =>
        amount is { } a ? a.ToString("#,0", CultureInfo.InvariantCulture) : "–";

    internal static string Days(double? days) =>
        days is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " days" : "–";
}
