namespace SalesCoach.Bot.Simulation;

/// <summary>Business time the simulator moves by hand (a FakeTimeProvider for the running host): only <see cref="GetUtcNow"/> is simulated.</summary>
public sealed class SimulatedTime(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref ticks, now.UtcTicks);
}
