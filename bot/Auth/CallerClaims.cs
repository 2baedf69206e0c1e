namespace SalesCoach.Bot.Auth;

/// <summary>The claim that names the caller: the Entra object id in production, the header's value in development.</summary>
public static class CallerClaims
{
    public const string UserId = "oid";
}
