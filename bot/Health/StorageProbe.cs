namespace SalesCoach.Bot.Health;

/// <summary>The state type of <see cref="StorageHealthCheck"/>'s probe record (empty: the record is only ever read).</summary>
[GenerateSerializer]
public sealed class StorageProbe;
