using SalesCoach.Analytics;
using SalesCoach.Bot.Cards;
using SalesCoach.Leads;
using SalesCoach.Pipelines;
using SalesCoach.Reps;

namespace SalesCoach.Bot.Tests.Infrastructure;

/// <summary>Data for cards: the sample B2B pipeline, the sample team and a lead moving through it, at a fixed now.</summary>
public static class Samples
{
    /// <summary>Tuesday 2 December 2025, 08:30 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2025, 12, 2, 8, 30, 0, TimeSpan.Zero);

    private static readonly Lazy<PipelineDefinition> B2B = new(() =>
    {
        var (pipeline, problems) = PipelineReader.ReadYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "b2b-pipeline.yaml")));
        Assert.Empty(problems);
        return pipeline! with { Version = 1 };
    });

    /// <summary>The sample pipeline the host seeds (bot/SampleData/b2b-pipeline.yaml).</summary>
    public static PipelineDefinition Pipeline => B2B.Value;

    /// <summary>The sample team's reps and manager.</summary>
    public static IReadOnlyList<RepProfile> Reps { get; } =
    [
        new() { Id = "ana", Name = "Ana", Email = "ana@example.com", TeamId = "nordics", ManagerId = "maria" },
        new() { Id = "bo", Name = "Bo", Email = "bo@example.com", TeamId = "nordics", ManagerId = "maria" },
        new() { Id = "chen", Name = "Chen", Email = "chen@example.com", TeamId = "nordics", ManagerId = "maria" },
        new() { Id = "maria", Name = "Maria", Email = "maria@example.com", TeamId = "nordics", Roles = ["manager"] },
    ];

    /// <summary>Every person id a card could be about or be seen by.</summary>
    public static IReadOnlyList<string> PersonIds { get; } = [.. Reps.Select(r => r.Id), "system", "admin"];

    public static StageDefinition Stage(string id) => Pipeline.Stages.Single(s => s.Id == id);

    /// <summary>A viewer on a channel at <see cref="Now"/>, with the team's names.</summary>
    public static CardContext Context(ChannelCapabilities channel, TimeSpan utcOffset = default) => new()
    {
        Capabilities = channel,
        UtcOffset = utcOffset,
        Now = Now,
        Names = Reps.ToDictionary(r => r.Id, r => r.Name),
    };

    public static CardContext OnTeams => Context(ChannelCapabilities.Teams);

    public static CardContext OnWebChat => Context(ChannelCapabilities.WebChat);

    public static TaskView Task(
        string id, string title, string stageId, DateTimeOffset dueAt, LeadTaskStatus status = LeadTaskStatus.Open,
        string? doneBy = null, DateTimeOffset? doneAt = null, string? description = null, string assignee = "ana") => new()
    {
        Id = id, Title = title, StageId = stageId, DueAt = dueAt, Status = status, DoneBy = doneBy, DoneAt = doneAt,
        Description = description, AssigneeId = assignee,
    };

    /// <summary>Acme in the given stage of the sample pipeline, owned by Ana, with that stage's tasks open (or <paramref name="tasks"/>).</summary>
    public static LeadView Acme(string stageId = "meeting", IReadOnlyList<TaskView>? tasks = null, LeadStatus status = LeadStatus.Open, OutcomeView? outcome = null)
    {
        var stage = Stage(stageId);
        var entered = Now.AddHours(-20);
        var stageTasks = tasks ?? stage.Tasks
            .Select(t => Task(t.Id, t.Title, stageId, entered + (IsoDuration.TryParse(t.DueAfter, out var d) ? d : TimeSpan.Zero), description: t.Description))
            .ToList();
        return new LeadView
        {
            Id = "acme",
            Name = "Acme",
            Company = "Acme Oy",
            Emails = ["cto@acme.example", "buyer@acme.example"],
            Value = 12000,
            Currency = "EUR",
            Product = "CRM suite",
            Territory = "Nordics",
            Source = "web",
            OwnerId = "ana",
            PipelineId = "b2b",
            PipelineVersion = 1,
            Status = status,
            Outcome = outcome,
            Stage = new StageView(stage.Id, stage.Name, stage.Guidance, entered),
            Tasks = stageId == "qualify" ? stageTasks :
            [
                Task("research", "Research the company and the contact", "qualify", Now.AddDays(-2), LeadTaskStatus.Done, "ana", Now.AddDays(-2).AddHours(1)),
                Task("discovery-call", "Discovery call", "qualify", Now.AddDays(-1), LeadTaskStatus.Skipped),
                .. stageTasks,
            ],
            History = [new StageVisitView("qualify", Now.AddDays(-3), entered, StageExit.Goal), new StageVisitView(stage.Id, entered, null, null)],
            Activities =
            [
                new ActivityView { Id = "a1", Type = "email", Direction = "out", Subject = "Intro and next steps", At = Now.AddDays(-2), StageId = "qualify", LoggedBy = "ana" },
                new ActivityView { Id = "a2", Type = "call", Subject = "Budget check", At = Now.AddHours(-22), StageId = "qualify", LoggedBy = "ana" },
            ],
            CreatedAt = Now.AddDays(-3),
        };
    }

    /// <summary>An open task of Acme's meeting stage: due at 10:00 today.</summary>
    public static TaskView BookMeeting(LeadTaskStatus status = LeadTaskStatus.Open, string? doneBy = null, DateTimeOffset? doneAt = null) =>
        Task("book-meeting", "Book the first meeting", "meeting", new DateTimeOffset(2025, 12, 2, 10, 0, 0, TimeSpan.Zero), status, doneBy, doneAt,
            description: "Propose two slots; invite whoever feels the problem.");

    /// <summary>An agenda of <paramref name="count"/> tasks over several leads, some overdue, all due today.</summary>
    public static AgendaView Agenda(int count, int leads = 5) => new("ana",
    [
        .. Enumerable.Range(0, count).Select(i => new AgendaEntryView(
            $"lead-{i % leads:D2}", $"Lead {i % leads:D2} Oy", $"task-{i:D3}", $"Follow up on item {i}", "meeting",
            Now.AddHours(-3).AddMinutes(i * 5), Now.AddHours(-3).AddMinutes(i * 5) < Now)),
    ]);

    /// <summary>The agenda of the sample team's Ana: two overdue, two due today, one tomorrow.</summary>
    public static AgendaView AnasAgenda() => new("ana",
    [
        new("acme", "Acme", "send-agenda", "Send the meeting agenda", "meeting", Now.AddHours(-16), true),
        new("globex", "Globex", "draft-proposal", "Draft the proposal", "proposal", Now.AddHours(-1), true),
        new("acme", "Acme", "book-meeting", "Book the first meeting", "meeting", Now.AddHours(1.5), false),
        new("initech", "Initech", "research", "Research the company and the contact", "qualify", Now.AddHours(6), false),
        new("globex", "Globex", "proposal-follow-up", "Follow up on the proposal", "proposal", Now.AddDays(1), false),
    ]);

    public static AgendaItem Item(string leadId, string leadName, string taskId, string title, string stageId, DateTimeOffset dueAt) =>
        new() { LeadId = leadId, LeadName = leadName, TaskId = taskId, Title = title, StageId = stageId, DueAt = dueAt };

    public static Notification TaskDue() => new()
    {
        Id = "due:acme/book-meeting@1", RepId = "ana", Kind = NotificationKind.TaskDue, Title = "Due now: Book the first meeting",
        Text = "Book the first meeting for Acme is due.", LeadId = "acme", CreatedAt = Now,
        Tasks = [Item("acme", "Acme", "book-meeting", "Book the first meeting", "meeting", Now)],
    };

    public static Notification TaskAssigned() => TaskDue() with
    {
        Id = "assigned:acme/send-agenda", Kind = NotificationKind.TaskAssigned,
        Tasks = [Item("acme", "Acme", "send-agenda", "Send the meeting agenda", "meeting", Now.AddDays(1))],
    };

    public static Notification Digest() => new()
    {
        Id = "digest:2025-12-02", RepId = "ana", Kind = NotificationKind.OverdueDigest, Title = "3 overdue tasks", CreatedAt = Now,
        Tasks =
        [
            Item("acme", "Acme", "send-agenda", "Send the meeting agenda", "meeting", Now.AddHours(-16)),
            Item("globex", "Globex", "draft-proposal", "Draft the proposal", "proposal", Now.AddDays(-2)),
            Item("globex", "Globex", "proposal-follow-up", "Follow up on the proposal", "proposal", Now.AddHours(-1)),
        ],
    };

    public static Notification Praise() => new()
    {
        Id = "praise:acme/meeting", RepId = "ana", Kind = NotificationKind.Praise, Title = "Acme is past the meeting",
        Text = "Great work getting **Acme** past the meeting!", LeadId = "acme", CreatedAt = Now,
    };

    public static Notification Kudos() => new()
    {
        Id = "kudos:1", RepId = "ana", Kind = NotificationKind.Kudos, Title = "Kudos from Maria",
        Text = "Great demo for Acme today, the use cases were spot on.", CreatedAt = Now,
    };

    /// <summary>The sample team's funnel over the last 90 days.</summary>
    public static FunnelView Funnel(bool empty = false)
    {
        (string Id, string Name, long Entered, long Advanced, long Exited, long Stuck)[] rows =
        [
            ("qualify", "Qualify", 120, 84, 110, 3), ("meeting", "Meeting", 84, 51, 80, 0), ("demo", "Demo", 51, 38, 50, 2),
            ("proposal", "Proposal", 38, 22, 36, 1), ("negotiate", "Negotiation", 22, 15, 20, 0),
        ];
        var funnel = empty
            ? new FunnelMetrics { Stages = [.. rows.Select(r => new StageFunnel { Id = r.Id, Name = r.Name })] }
            : new FunnelMetrics
            {
                Stages = [.. rows.Select(r => new StageFunnel
                {
                    Id = r.Id, Name = r.Name, Entered = r.Entered, Advanced = r.Advanced, Exited = r.Exited, Stuck = r.Stuck,
                    Conversion = Rates.Of(r.Advanced, r.Exited), AvgDaysInStage = 3.5,
                })],
                Created = 120, Won = 15, Lost = 40, WinRate = Rates.Of(15, 55), WonAmount = 270_000, AvgDealSize = 18_000,
                CycleDays = 41.2, AskToDecisionDays = 12.5,
            };
        return new FunnelView(
            "Team Nordics",
            FunnelPeriods.Last90Days,
            funnel,
            new ForecastMetrics { Forecast = 150_000, Actual = 270_000, OpenNow = 185_500, HistoricalOpenNow = 98_000 },
            empty ? null : 400_000,
            [("nordics", "Nordics")],
            [.. Reps.Where(r => r.Id != "maria").Select(r => (r.Id, r.Name))],
            "nordics",
            PipelineId: "b2b",
            PipelineName: "B2B new business",
            Pipelines: empty ? [("b2b", "B2B new business")] : [("b2b", "B2B new business"), ("renewals", "Renewals")]);
    }

    /// <summary>The coaching card's choosers as Maria sees them for Bo: her reps, two pipelines.</summary>
    public static CoachingFilters CoachingFilters() => new(
        "bo",
        [.. Reps.Where(r => r.Id != "maria").Select(r => (r.Id, r.Name))],
        FunnelPeriods.Last30Days,
        "b2b",
        "B2B new business",
        [("b2b", "B2B new business"), ("renewals", "Renewals")]);

    /// <summary>Bo against the team: weakest at the proposal.</summary>
    public static CoachingMetrics Coaching(bool empty = false) => new()
    {
        RepId = "bo",
        Stages = empty
            ? [.. Pipeline.Stages.Select(s => new StageCoaching { Id = s.Id, Name = s.Name })]
            :
            [
                new() { Id = "qualify", Name = "Qualify", RepConversion = 0.8, TeamConversion = 0.76, RepDaysInStage = 1.5, TeamDaysInStage = 1.8, RepExits = 30 },
                new() { Id = "meeting", Name = "Meeting", RepConversion = 0.62, TeamConversion = 0.64, RepDaysInStage = 4, TeamDaysInStage = 3.6, RepExits = 21 },
                new() { Id = "demo", Name = "Demo", RepConversion = 0.7, TeamConversion = 0.76, RepDaysInStage = 5.2, TeamDaysInStage = 4.1, RepExits = 13 },
                new() { Id = "proposal", Name = "Proposal", RepConversion = 0.33, TeamConversion = 0.61, RepDaysInStage = 14.5, TeamDaysInStage = 9, RepExits = 9 },
                new() { Id = "negotiate", Name = "Negotiation", RepConversion = 0.75, TeamConversion = 0.68, RepDaysInStage = 6, TeamDaysInStage = 7.2, RepExits = 4 },
            ],
        WeakestStage = empty ? null : "proposal",
        RepWinRate = empty ? null : 0.25,
        TeamWinRate = empty ? null : 0.27,
        Kudos = empty ? 0 : 3,
        Praise = empty ? 0 : 2,
    };
}
