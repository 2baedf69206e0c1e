using SalesCoach.Analytics;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// One rep against their team: per stage conversion and days in stage, the weakest stage named,
/// one suggestion from that stage's guidance, and the kudos and praise they have received. With
/// <see cref="CoachingFilters"/>, rep, period and pipeline choosers and an Update button
/// (<see cref="CardVerbs.FilterCoaching"/>) redraw it; the rep travels as an input value, never in action data.
/// </summary>
public static class CoachingCard
{
    public static AdaptiveCard Build(CoachingMetrics coaching, string repName, string? suggestion, CardContext context, CoachingFilters? filters = null)
    {
        var weakest = coaching.Stages.FirstOrDefault(s => s.Id == coaching.WeakestStage);
        var body = new List<CardElement?>
        {
            CardParts.Heading($"Coaching · {repName}"),
            filters is null ? null : CardParts.Subtle($"{filters.PipelineName} · {FunnelPeriods.Title(filters.Period)}"),
            CardParts.Subtle($"👏 {CardParts.Count(coaching.Kudos, "kudo")} · 🏆 {coaching.Praise} praise · win rate {FunnelCard.Percent(coaching.RepWinRate)} (team {FunnelCard.Percent(coaching.TeamWinRate)})"),
            Row("Stage", "Rep", "Team", "Days (rep / team)", header: true),
        };
        body.AddRange(coaching.Stages.Select(s => Row(
            CardParts.Shorten(s.Name, 24),
            FunnelCard.Percent(s.RepConversion),
            FunnelCard.Percent(s.TeamConversion),
            $"{Days(s.RepDaysInStage)} / {Days(s.TeamDaysInStage)}",
            style: s.Id == coaching.WeakestStage ? ContainerStyle.Attention : null)));

        if (weakest is not null)
        {
            body.Add(CardParts.Banner(
                $"Weakest stage: {weakest.Name}",
                ContainerStyle.Attention,
                TextColor.Attention,
                $"{FunnelCard.Percent(weakest.RepConversion)} move on, against {FunnelCard.Percent(weakest.TeamConversion)} for the team."));
            if (suggestion is not null)
            {
                body.Add(CardParts.Text("Try this", weight: TextWeight.Bolder, spacing: Spacing.Medium));
                body.Add(CardParts.Text(suggestion));
            }
        }
        else
        {
            body.Add(CardParts.Text("Not enough closed stages yet to compare with the team.", subtle: true, spacing: Spacing.Medium));
        }

        if (filters is not null)
        {
            body.AddRange(Filters(filters));
        }

        return CardParts.Card(
            body,
            fallbackText: weakest is null
                ? $"Coaching for {repName}: not enough data yet."
                : $"Coaching for {repName}: weakest stage {weakest.Name}.",
            actions: filters is null ? null : [CardActions.Verb("Update", new CardActionData { Verb = CardVerbs.FilterCoaching, Card = CardNames.Coaching }, context)]);
    }

    private static IEnumerable<CardElement> Filters(CoachingFilters filters)
    {
        yield return Choice(CardInputs.CoachingRep, "Rep", filters.RepId, filters.Reps, Spacing.Medium);
        yield return Choice(CardInputs.CoachingPeriod, "Period", filters.Period ?? FunnelPeriods.Last90Days, [.. FunnelPeriods.Choices.Select(c => (c.Value, c.Title))]);
        if (filters.Pipelines.Count > 1)
        {
            yield return Choice(CardInputs.Pipeline, "Pipeline", filters.PipelineId, filters.Pipelines);
        }
    }

    private static ChoiceSetInput Choice(string id, string label, string value, IReadOnlyList<(string Id, string Name)> options, Spacing? spacing = null) => new()
    {
        Id = id,
        Label = label,
        Style = ChoiceInputStyle.Compact,
        Spacing = spacing,
        Value = value,
        Choices = [.. options.Select(o => new Choice(o.Name, o.Id))],
    };

    private static ColumnSet Row(string stage, string rep, string team, string days, bool header = false, ContainerStyle? style = null)
    {
        var weight = header ? TextWeight.Bolder : (TextWeight?)null;
        return new ColumnSet
        {
            Spacing = Spacing.Small,
            Style = style,
            Columns =
            [
                new Column { Width = Column.Stretch, Items = [CardParts.Text(stage, size: TextSize.Small, weight: weight)] },
                new Column { Width = Column.Pixels(44), Items = [CardParts.Text(rep, size: TextSize.Small, weight: weight)] },
                new Column { Width = Column.Pixels(44), Items = [CardParts.Text(team, size: TextSize.Small, weight: weight)] },
                new Column { Width = Column.Pixels(110), Items = [CardParts.Text(days, size: TextSize.Small, weight: weight)] },
            ],
        };
    }

    private static string Days(double? days) => days is { } d ? d.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
