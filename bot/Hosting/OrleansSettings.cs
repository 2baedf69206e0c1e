namespace SalesCoach.Bot.Hosting;

/// <summary>The co-hosted silo (section <c>Orleans</c>).</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "salescoach";

    public string ServiceId { get; set; } = "salescoach";
}
