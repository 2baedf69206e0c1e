using SalesCoach.Analytics;
using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>
/// One rep against their team: per stage conversion and days in stage, the weakest stage named,
/// one suggestion from that stage's guidance, and the kudos and praise they have received.
/// </summary>
public static class CoachingCard
{
    /// <summary>The card; it carries no actions, so it names no rep in action data (ask again with <c>coach &lt;rep&gt;</c>).</summary>
    public static AdaptiveCard Build(CoachingMetrics coaching, string repName, string? suggestion, CardContext context)
    {
        var weakest = coaching.Stages.FirstOrDefault(s => s.Id == coaching.WeakestStage);
        var body = new List<CardElement?>
        {
            CardParts.Heading($"Coaching · {repName}"),
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

        return CardParts.Card(
            body,
            fallbackText: weakest is null
                ? $"Coaching for {repName}: not enough data yet."
                : $"Coaching for {repName}: weakest stage {weakest.Name}.");
    }

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
