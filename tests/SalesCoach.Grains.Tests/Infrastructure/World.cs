using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>Builds a small sales org in the cluster for one test: a team with a manager and reps, and a pipeline.</summary>
public sealed class World(ClusterFixture fixture)
{
    public string Team { get; } = Ids.New("team");

    public string Manager { get; } = Ids.New("mgr");

    public string Ana { get; } = Ids.New("ana");

    public string Bo { get; } = Ids.New("bo");

    public string Stranger { get; } = Ids.New("eve");

    public Actor AnaActor => new(Ana);

    public IGrainFactory Grains => fixture.Grains;

    public async Task<World> WithTeamAsync()
    {
        foreach (var rep in new[] { Ana, Bo })
        {
            await Grains.GetGrain<IRepGrain>(rep).SaveProfileAsync(new RepProfile { Id = rep, Name = rep, Email = $"{rep}@contoso.example", TeamId = Team, ManagerId = Manager });
        }

        await Grains.GetGrain<IRepGrain>(Stranger).SaveProfileAsync(new RepProfile { Id = Stranger, Name = "Eve", Email = "eve@contoso.example" });
        await Grains.GetGrain<ITeamGrain>(Team).SaveAsync(new TeamProfile { Id = Team, Name = "Team", ManagerId = Manager, Members = [Ana, Bo] });
        return this;
    }

    public async Task<PipelineDefinition> SavePipelineAsync(PipelineDefinition pipeline)
    {
        var outcome = await Grains.GetGrain<IPipelineGrain>(pipeline.Id).SaveAsync(pipeline, Actor.System);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return pipeline with { Version = outcome.Value!.Version };
    }

    public async Task<LeadView> CreateLeadAsync(string pipelineId, LeadFacts? facts = null, string? owner = null, string? leadId = null)
    {
        var outcome = await Lead(leadId ?? Ids.New("lead")).CreateAsync(
            new CreateLead { Facts = facts ?? new LeadFacts { Name = "Acme" }, PipelineId = pipelineId, OwnerId = owner ?? Ana },
            owner is null ? AnaActor : Actor.System);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return outcome.Value!;
    }

    public ILeadGrain Lead(string id) => Grains.GetGrain<ILeadGrain>(id);

    public IRepGrain Rep(string id) => Grains.GetGrain<IRepGrain>(id);
}
