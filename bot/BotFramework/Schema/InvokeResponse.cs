using System.Text.Json.Nodes;

namespace SalesCoach.Bot.BotFramework.Schema;

/// <summary>The HTTP answer to an invoke activity: a status and a body (for card actions, the refreshed card).</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body);
