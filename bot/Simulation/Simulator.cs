using SalesCoach.Common;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;
using SalesCoach.Teams;

namespace SalesCoach.Bot.Simulation;

/// <summary>
/// Pushes leads through <see cref="SimulationModel.Pipeline"/> in simulated time, through the real
/// grains: leads arrive evenly over the days; each step, after the rep's days in the stage, the
/// lead moves on with the rep's probability (won after the last stage) or is lost. Everything
/// happens at noon UTC of a day; the leads of one day run concurrently (a lead has at most one
/// step a day). Counts what it did in a <see cref="GroundTruth"/> (exact for pipelines whose
/// goals only a person meets, as the simulated one; a goal met on its own, as in the sample
/// pipeline, moves a lead further than the truth records).
/// </summary>
public sealed class Simulator(IGrainFactory grains, SimulatedTime time)
{
    private static readonly string[] Products = ["crm", "support"];
    private static readonly string[] Territories = ["EMEA", "AMER", "APAC"];
    private static readonly string[] Sources = ["web", "referral", "event"];

    /// <summary>The first simulated day (noon UTC) for a run of <paramref name="days"/> days ending yesterday.</summary>
    public static DateTimeOffset StartFor(DateTimeOffset now, int days) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-days).AddHours(12);

    public async Task<GroundTruth> RunAsync(SimulationOptions options, DateTimeOffset start, SimulationModel? model = null, PipelineDefinition? pipeline = null)
    {
        var random = new Random(options.Seed);
        model ??= new SimulationModel(options.Reps, random);
        pipeline ??= SimulationModel.Pipeline;
        time.SetUtcNow(start);
        await SetUpAsync(model, pipeline);

        var truth = new GroundTruth();
        var leads = new List<SimLead>(options.Leads);
        var schedule = new SortedDictionary<int, List<SimLead>>();
        for (var i = 0; i < options.Leads; i++)
        {
            var rep = model.Reps[random.Next(model.Reps.Count)];
            var lead = new SimLead($"sim-{options.Seed}-{i:000000}", rep, 1000m * random.Next(5, 100),
                Products[random.Next(Products.Length)], Territories[random.Next(Territories.Length)], Sources[random.Next(Sources.Length)],
                Day: (int)((long)i * options.Days / options.Leads));
            leads.Add(lead);
            Add(schedule, lead.Day, lead);
        }

        while (schedule.Count > 0)
        {
            var (day, due) = schedule.First();
            schedule.Remove(day);
            if (day >= options.Days)
            {
                break; // what is scheduled after the last day stays open
            }

            time.SetUtcNow(start.AddDays(day));
            foreach (var lead in due)
            {
                Decide(lead, random, pipeline);
            }

            await Task.WhenAll(due.Select(lead => StepAsync(lead, day, pipeline, truth)));
            foreach (var lead in due.Where(l => l.Open))
            {
                Add(schedule, lead.NextDay, lead);
            }
        }

        truth.OpenWeighted = leads.Where(l => l.Open && l.Created)
            .Sum(l => l.Value * (decimal)(pipeline.Stages[l.Stage].Probability ?? 0));
        foreach (var lead in leads.Where(l => l.Open && l.Created))
        {
            var stageId = pipeline.Stages[lead.Stage].Id;
            truth.OpenValue[stageId] = truth.OpenValue.GetValueOrDefault(stageId) + lead.Value;
        }

        return truth;
    }

    /// <summary>Draws the lead's next move now, in schedule order, so a seed always gives the same run.</summary>
    private static void Decide(SimLead lead, Random random, PipelineDefinition pipeline)
    {
        lead.MovesOn = random.NextDouble() < lead.Rep.Conversion[Math.Min(lead.Stage, lead.Rep.Conversion.Length - 1)];
        lead.ByHand = random.NextDouble() < lead.Rep.ManualShare;
        var mean = lead.Rep.Days[Math.Min(lead.Stage + (lead.Created ? 1 : 0), lead.Rep.Days.Length - 1)];
        lead.Wait = 1 + random.Next(0, (2 * mean) - 1);
        lead.Last = lead.Stage == pipeline.Stages.Count - 1;
    }

    private async Task StepAsync(SimLead lead, int day, PipelineDefinition pipeline, GroundTruth truth)
    {
        var actor = new Actor(lead.Rep.Profile.Id);
        var grain = grains.GetGrain<ILeadGrain>(lead.Id);
        if (!lead.Created)
        {
            var created = Check(await grain.CreateAsync(new CreateLead
            {
                Facts = new LeadFacts { Name = $"Lead {lead.Id}", Value = lead.Value, Product = lead.Product, Territory = lead.Territory, Source = lead.Source },
                PipelineId = pipeline.Id,
                OwnerId = lead.Rep.Profile.Id,
            }, Actor.System));
            lock (truth)
            {
                truth.Created++;
                truth.Stage(pipeline.Stages[0].Id).Entered++;
            }

            lead.Created = true;
            lead.Stage = StageOf(created, pipeline); // a goal met on creation (e.g. the value is set) moves it on at once
            lead.CreatedDay = lead.EnteredDay = day;
            lead.NextDay = day + lead.Wait;
            return;
        }

        var stage = pipeline.Stages[lead.Stage];
        var operation = $"sim:{day}";
        LeadView? after = null;
        if (!lead.MovesOn)
        {
            Check(await grain.LoseAsync("simulated", operation, actor));
        }
        else if (lead.Last)
        {
            Check(await grain.WinAsync(lead.Value, operation, actor));
        }
        else
        {
            after = Check(await grain.AdvanceAsync(lead.ByHand ? pipeline.Stages[lead.Stage + 1].Id : null, operation, actor));
        }

        lock (truth)
        {
            var s = truth.Stage(stage.Id);
            s.Exited++;
            s.DaysSum += day - lead.EnteredDay;
            s.ExpectedAdvanceSum += lead.Rep.Conversion[lead.Stage];
            if (lead.MovesOn)
            {
                s.Advanced++;
            }
            else
            {
                s.Lost++;
            }

            if (lead.MovesOn && !lead.Last)
            {
                truth.Stage(pipeline.Stages[lead.Stage + 1].Id).Entered++;
                if (lead.ByHand)
                {
                    truth.ManualExits++;
                }
                else
                {
                    truth.GoalExits++;
                }
            }
            else
            {
                var won = lead.MovesOn;
                truth.Won += won ? 1 : 0;
                truth.Lost += won ? 0 : 1;
                truth.WonAmount += won ? lead.Value : 0;
                truth.CycleDaysSum += day - lead.CreatedDay;
                if (lead.AskDay is { } ask)
                {
                    truth.AskDaysSum += day - ask;
                    truth.AskCount++;
                }

                truth.Closed(lead.Rep.Profile.Id, won);

                // Leads only move forward one stage at a time here, so a lead closed in stage i has been in stages 0..i.
                for (var passed = 0; passed <= lead.Stage; passed++)
                {
                    var visited = truth.Stage(pipeline.Stages[passed].Id);
                    visited.ClosedAfter++;
                    visited.WonAfter += won ? 1 : 0;
                }
            }
        }

        if (lead.MovesOn && !lead.Last)
        {
            lead.Stage = Math.Max(lead.Stage + 1, StageOf(after!, pipeline));
            lead.EnteredDay = day;
            if (pipeline.Stages[lead.Stage].Ask && lead.AskDay is null)
            {
                lead.AskDay = day;
            }

            lead.NextDay = day + lead.Wait;
        }
        else
        {
            lead.Open = false;
        }
    }

    private async Task SetUpAsync(SimulationModel model, PipelineDefinition pipeline)
    {
        foreach (var rep in model.Reps)
        {
            await grains.GetGrain<IRepGrain>(rep.Profile.Id).SaveProfileAsync(rep.Profile);
        }

        foreach (var team in model.Teams)
        {
            if (await grains.GetGrain<ITeamGrain>(team.Id).GetAsync() is null)
            {
                await grains.GetGrain<ITeamGrain>(team.Id).SaveAsync(team);
            }
        }

        if (await grains.GetGrain<IPipelineGrain>(pipeline.Id).GetAsync() is null)
        {
            var saved = await grains.GetGrain<IPipelineGrain>(pipeline.Id).SaveAsync(pipeline, Actor.System);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("the simulated pipeline is invalid: " + string.Join("; ", saved.Problems.Select(p => $"{p.Path}: {p.Message}")));
            }
        }
    }

    private static void Add(SortedDictionary<int, List<SimLead>> schedule, int day, SimLead lead)
    {
        if (!schedule.TryGetValue(day, out var list))
        {
            schedule[day] = list = [];
        }

        list.Add(lead);
    }

    private static LeadView Check(Outcome<LeadView> outcome) =>
        outcome.Succeeded
            ? outcome.Value!
            : throw new InvalidOperationException("a simulated command was refused: " + string.Join("; ", outcome.Problems.Select(p => p.Message)));

    private static int StageOf(LeadView lead, PipelineDefinition pipeline) =>
        Math.Max(0, pipeline.Stages.FindIndex(s => s.Id == lead.Stage?.Id));

    /// <summary>One simulated lead and where it stands.</summary>
    private sealed record SimLead(string Id, SimRep Rep, decimal Value, string Product, string Territory, string Source, int Day)
    {
        public bool Created { get; set; }
        public bool Open { get; set; } = true;
        public int Stage { get; set; }
        public int CreatedDay { get; set; }
        public int EnteredDay { get; set; }
        public int? AskDay { get; set; }
        public int NextDay { get; set; }
        public bool MovesOn { get; set; }
        public bool ByHand { get; set; }
        public bool Last { get; set; }
        public int Wait { get; set; }
    }
}
