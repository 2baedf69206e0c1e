using System.Threading.RateLimiting;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Connector;

/// <summary>
/// Teams' send limits as two token buckets every outbound activity must pass: its conversation's
/// (about 7 a second) and its tenant's. Over the limit a send waits for the next token instead of
/// being refused with a 429.
/// </summary>
public sealed class SendLimits : IDisposable
{
    private readonly List<TokenBucketRateLimiter> buckets = [];
    private readonly Lock gate = new();
    private readonly PartitionedRateLimiter<Activity> limiter;

    /// <param name="settings">The limits per conversation and per tenant.</param>
    /// <param name="autoReplenish">False in tests, which call <see cref="Replenish"/> themselves.</param>
    public SendLimits(BotSettings settings, bool autoReplenish = true)
    {
        limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<Activity, string>(activity => Bucket(
                $"conversation:{activity.Conversation?.Id}", settings.MessagesPerSecondPerConversation, autoReplenish)),
            PartitionedRateLimiter.Create<Activity, string>(activity => Bucket(
                $"tenant:{activity.TenantId ?? activity.ServiceUrl}", settings.MessagesPerSecondPerTenant, autoReplenish)));
    }

    public ValueTask<RateLimitLease> AcquireAsync(Activity activity, CancellationToken cancellationToken) =>
        limiter.AcquireAsync(activity, 1, cancellationToken);

    /// <summary>Adds a second's tokens to every bucket (what the timer does when <c>autoReplenish</c> is on).</summary>
    public void Replenish()
    {
        lock (gate)
        {
            buckets.ForEach(b => b.TryReplenish());
        }
    }

    public void Dispose() => limiter.Dispose();

    private RateLimitPartition<string> Bucket(string key, int perSecond, bool autoReplenish) =>
        RateLimitPartition.Get(key, _ =>
        {
            var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = autoReplenish,
                QueueLimit = 10_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            lock (gate)
            {
                buckets.Add(bucket);
            }

            return bucket;
        });
}
