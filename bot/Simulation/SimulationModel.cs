using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Bot.Simulation;

/// <summary>
/// The simulated sales org and its known behaviour: teams of five reps with a manager; per rep
/// and stage, the chance a lead moves on (else it is lost) and the mean days it stays; the share
/// of moves made by hand instead of through the goal.
/// </summary>
public sealed class SimulationModel
{
    public const string PipelineId = "sim";

    private static readonly double[] BaseConversion = [0.75, 0.65, 0.5, 0.7];
    private static readonly int[] BaseDays = [3, 5, 8, 6];
    private static readonly double[] Probability = [0.1, 0.3, 0.6, 0.8];

    public SimulationModel(int reps, Random random)
    {
        for (var i = 0; i < reps; i++)
        {
            var team = $"sim-team-{(i / 5) + 1}";
            Reps.Add(new SimRep(
                new RepProfile
                {
                    Id = $"sim-rep-{i + 1:00}",
                    Name = $"Rep {i + 1:00}",
                    Email = $"rep{i + 1:00}@sim.example",
                    TeamId = team,
                    ManagerId = $"sim-mgr-{(i / 5) + 1}",
                    Quota = 100_000 + (10_000 * random.Next(0, 10)),
                },
                [.. BaseConversion.Select(p => Math.Clamp(p * (0.75 + (random.NextDouble() * 0.4)), 0.05, 0.95))],
                [.. BaseDays.Select(d => Math.Max(1, (int)Math.Round(d * (0.7 + (random.NextDouble() * 0.6)))))],
                random.NextDouble() * 0.3));
        }
    }

    public List<SimRep> Reps { get; } = [];

    public IEnumerable<TeamProfile> Teams => Reps.GroupBy(r => r.Profile.TeamId!).Select(g => new TeamProfile
    {
        Id = g.Key,
        Name = g.Key.Replace("sim-team-", "Team ", StringComparison.Ordinal),
        ManagerId = g.First().Profile.ManagerId!,
        Members = [.. g.Select(r => r.Profile.Id)],
    });

    /// <summary>qualify → meet → propose (ask) → negotiate, each ended by the rep's confirmation.</summary>
    public static PipelineDefinition Pipeline { get; } = new()
    {
        Id = PipelineId,
        Name = "Simulated B2B",
        Criteria = new PipelineCriteria { Products = ["sim"] },
        Stages =
        [
            Stage("qualify", "Qualify", 0, "- Ask about budget, authority, need and timing before anything else."),
            Stage("meet", "Meeting", 1, "- Leave every meeting with a named next step and a date."),
            Stage("propose", "Proposal", 2, "- Agree on the decision date before you send the proposal.") with { Ask = true },
            Stage("negotiate", "Negotiation", 3, "- Confirm who signs before you send the contract."),
        ],
    };

    private static StageDefinition Stage(string id, string name, int index, string guidance) => new()
    {
        Id = id,
        Name = name,
        Probability = Probability[index],
        Guidance = guidance,
        Goal = new GoalDefinition { Manual = true },
    };
}

/// <summary>A simulated rep: profile, per-stage chance to move a lead on, mean days per stage, share of manual moves.</summary>
public sealed record SimRep(RepProfile Profile, double[] Conversion, int[] Days, double ManualShare);
