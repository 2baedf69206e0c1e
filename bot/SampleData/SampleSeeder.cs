using System.Reflection;
using SalesCoach.Common;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Bot.SampleData;

/// <summary>
/// Gives a new database something to try: the sample B2B pipeline and a team (a manager and three
/// reps). Runs after the silo has started, only when no pipeline exists yet, and only when
/// <c>Seed:Sample</c> is not false.
/// </summary>
public sealed partial class SampleSeeder(IGrainFactory grains, IConfiguration configuration, ILogger<SampleSeeder> logger) : IHostedService
{
    public const string TeamId = "nordics";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Seed:Sample", true))
        {
            return;
        }

        var registry = grains.GetGrain<IPipelineRegistryGrain>(IPipelineRegistryGrain.DefaultKey);
        if ((await registry.ListAsync()).Count > 0)
        {
            return;
        }

        foreach (var rep in Reps)
        {
            await grains.GetGrain<IRepGrain>(rep.Id).SaveProfileAsync(rep);
        }

        await grains.GetGrain<ITeamGrain>(TeamId).SaveAsync(new TeamProfile
        {
            Id = TeamId,
            Name = "Nordics",
            ManagerId = "maria",
            Members = ["ana", "bo", "chen"],
            Quota = 600_000,
        });

        var (pipeline, problems) = PipelineReader.ReadYaml(ReadResource("b2b-pipeline.yaml"));
        if (pipeline is null)
        {
            throw new InvalidOperationException($"the sample pipeline is invalid: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
        }

        await grains.GetGrain<IPipelineGrain>(pipeline.Id).SaveAsync(pipeline, Actor.System);
        LogSeeded(pipeline.Id, TeamId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The sample team's people; ids are short so they are easy to type in curl and the chat page.</summary>
    public static IReadOnlyList<RepProfile> Reps { get; } =
    [
        new() { Id = "maria", Name = "Maria Manager", Email = "maria@contoso.example", TeamId = TeamId, Roles = ["manager"], Territory = "EMEA", Quota = 600_000 },
        new() { Id = "ana", Name = "Ana Rep", Email = "ana@contoso.example", TeamId = TeamId, ManagerId = "maria", Territory = "EMEA", Products = ["crm"], Tier = 1, Quota = 250_000, Roles = ["rep"] },
        new() { Id = "bo", Name = "Bo Rep", Email = "bo@contoso.example", TeamId = TeamId, ManagerId = "maria", Territory = "EMEA", Products = ["crm"], Tier = 2, Quota = 180_000, Roles = ["rep"] },
        new() { Id = "chen", Name = "Chen Rep", Email = "chen@contoso.example", TeamId = TeamId, ManagerId = "maria", Territory = "EMEA", Products = ["crm", "support"], Tier = 2, Quota = 170_000, Roles = ["rep"] },
    ];

    private static string ReadResource(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "New database: seeded the sample pipeline '{PipelineId}' and team '{TeamId}' (maria manages ana, bo and chen)")]
    private partial void LogSeeded(string pipelineId, string teamId);
}
