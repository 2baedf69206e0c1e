namespace SalesCoach.Bench;

/// <summary>The baseline grain: a call that does nothing, and holds no state.</summary>
[Alias("SalesCoach.Bench.IBenchGrain")]
public interface IBenchGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task PingAsync();
}

public sealed class BenchGrain : Grain, IBenchGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
