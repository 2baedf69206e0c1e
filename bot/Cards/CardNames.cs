namespace SalesCoach.Bot.Cards;

/// <summary>
/// The card an action came from (<c>data.card</c>), so a handler answers an <c>invoke</c> with the
/// same card refreshed (a my-day Complete gets my day back, a task prompt gets the done prompt).
/// </summary>
public static class CardNames
{
    public const string Welcome = "welcome";
    public const string Help = "help";
    public const string TaskPrompt = "taskPrompt";
    public const string StageGuidance = "stageGuidance";
    public const string MyDay = "myDay";
    public const string Lead = "lead";
    public const string OverdueDigest = "overdueDigest";
    public const string Praise = "praise";
    public const string Kudos = "kudos";
    public const string KudosSend = "kudosSend";
    public const string Funnel = "funnel";
    public const string Coaching = "coaching";
}
