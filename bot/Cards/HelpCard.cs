using SalesCoach.Bot.Cards.Model;

namespace SalesCoach.Bot.Cards;

/// <summary>The commands SalesCoach understands; also the answer to text it does not understand.</summary>
public static class HelpCard
{
    /// <summary>Commands every rep has: what to type and what it does.</summary>
    public static IReadOnlyList<(string Command, string Does)> RepCommands { get; } =
    [
        ("help", "this list"),
        ("tasks", "what is due and overdue today, by lead"),
        ("lead ‹name or id›", "a lead: stage, guidance, open tasks, recent activity"),
        ("advance ‹lead›", "confirm the stage's goal, or move the lead on by hand"),
        ("new lead ‹name› ‹email›", "create a lead; it is routed and assigned by the process"),
    ];

    /// <summary>Commands for managers.</summary>
    public static IReadOnlyList<(string Command, string Does)> ManagerCommands { get; } =
    [
        ("funnel [pipeline]", "your team's funnel: conversion, win rate, deal size, forecast"),
        ("coach ‹rep› [pipeline]", "where a rep gets stuck, stage by stage, against the team"),
        ("kudos @rep ‹text›", "send kudos to a rep"),
    ];

    /// <summary>
    /// The help card; <paramref name="includeManagerCommands"/> adds the managers' commands, and
    /// <paramref name="notUnderstood"/> (the text that was not understood) opens it with a short note.
    /// </summary>
    public static AdaptiveCard Build(CardContext context, bool includeManagerCommands = true, string? notUnderstood = null)
    {
        var body = new List<CardElement?>
        {
            notUnderstood is null
                ? null
                : CardParts.Text($"Sorry, I didn't understand “{CardParts.Shorten(notUnderstood.Trim(), 60)}”.", weight: TextWeight.Bolder),
            CardParts.Heading(notUnderstood is null ? "What I can do" : "Try one of these"),
            new FactSet { Facts = RepCommands.Select(c => new Fact(c.Command, c.Does)).ToList() },
        };

        if (includeManagerCommands)
        {
            body.Add(CardParts.Text("For managers", weight: TextWeight.Bolder, spacing: Spacing.Medium));
            body.Add(new FactSet { Facts = ManagerCommands.Select(c => new Fact(c.Command, c.Does)).ToList() });
        }

        body.Add(CardParts.Subtle("Task and stage cards have their own buttons: Complete, Snooze, Confirm, Open lead.", spacing: Spacing.Medium));
        return CardParts.Card(
            body,
            fallbackText: "Commands: " + string.Join(", ", RepCommands.Concat(includeManagerCommands ? ManagerCommands : []).Select(c => c.Command)),
            actions: [CardActions.Command("My tasks", "tasks", context)]);
    }
}
