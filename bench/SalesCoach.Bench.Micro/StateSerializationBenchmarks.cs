using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using SalesCoach.Leads;
using SalesCoach.Storage;

/// <summary>
/// A lead's state (9 stays, 18 tasks, 6 activities) turned into the bytes a provider stores: Orleans' own
/// storage serializer followed by the copy the providers made of its output, against the exact-size one.
/// </summary>
[MemoryDiagnoser]
public class StateSerializationBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private OrleansGrainStorageSerializer orleans = null!;
    private ExactSizeGrainStorageSerializer exact = null!;
    private LeadState lead = new();

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        orleans = new OrleansGrainStorageSerializer(serializer);
        exact = new ExactSizeGrainStorageSerializer(serializer, services.GetRequiredService<Orleans.Serialization.Session.SerializerSessionPool>());
        lead = new LeadState
        {
            Exists = true,
            OwnerId = "ana",
            PipelineId = "b2b",
            PipelineVersion = 3,
            StageIndex = 8,
            Facts = new LeadFacts { Name = "Contoso Oy", Company = "Contoso", Value = 24_000, Currency = "EUR", Emails = ["buyer@contoso.example"] },
            History = [.. Enumerable.Range(0, 9).Select(i => new StageVisit { StageId = $"stage-{i}", EnteredAt = Now.AddDays(i), ExitedAt = i < 8 ? Now.AddDays(i + 1) : null, Exit = i < 8 ? StageExit.Goal : null, FirstTask = 2 * i })],
            Tasks = [.. Enumerable.Range(0, 18).Select(i => new TaskInstance { Id = $"task-{i % 2}", StageId = $"stage-{i / 2}", Title = "Call the buyer about the proposal", Status = i < 16 ? LeadTaskStatus.Done : LeadTaskStatus.Open, DueAt = Now.AddDays(i / 2 + 1), AssigneeId = "ana", DoneBy = i < 16 ? "ana" : null, DoneAt = i < 16 ? Now.AddDays(i / 2) : null })],
            Activities = [.. Enumerable.Range(0, 6).Select(i => new ActivityView { Id = $"a{i}", Type = "email", Direction = "out", Subject = "Proposal", Tags = ["proposal"], At = Now.AddDays(i), StageId = $"stage-{i}", LoggedBy = "ana" })],
            Operations = [.. Enumerable.Range(0, 20).Select(i => $"op-{Guid.NewGuid():N}")],
            CreatedAt = Now,
        };
    }

    /// <summary>Baseline: Orleans' storage serializer (a new buffer that grows by doubling), then the copy into an array.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Baseline_OrleansSerializerThenCopy() => orleans.Serialize(lead).ToArray();

    [Benchmark]
    public byte[] ExactSizeSerializer() => ExactSizeGrainStorageSerializer.ToArray(exact.Serialize(lead));
}
