namespace SalesCoach.Bot.Hosting;

/// <summary>The co-hosted silo (section <c>Orleans</c>).</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    /// <summary>Bound to Orleans' <c>ClusterMembershipOptions</c> (death detection: probe timeout, missed probes, votes).</summary>
    public const string MembershipSection = "Orleans:Membership";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "salescoach";

    public string ServiceId { get; set; } = "salescoach";

    /// <summary><c>Localhost</c> (the embedded default: one silo) or <c>Redis</c> (several silos share a membership table in Redis).</summary>
    public string Clustering { get; set; } = "Localhost";

    /// <summary>With <c>Redis</c> clustering: the address other silos reach this one at; by default this host name's first address.</summary>
    public string? AdvertisedIP { get; set; }

    public RedisSettings Redis { get; set; } = new();

    /// <summary>Redis clustering settings (section <c>Orleans:Redis</c>).</summary>
    public sealed class RedisSettings
    {
        /// <summary>A StackExchange.Redis connection string, e.g. <c>contoso.redis.cache.windows.net:6380,password=...,ssl=True,abortConnect=False</c>.</summary>
        public string? ConnectionString { get; set; }
    }
}
