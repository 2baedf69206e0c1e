namespace SalesCoach.Leads;

/// <summary>Everything a lead grain persists; written once per command.</summary>
[GenerateSerializer]
public sealed class LeadState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public CreateLead? CreatedWith { get; set; }
    [Id(2)] public LeadFacts Facts { get; set; } = new();
    [Id(3)] public string OwnerId { get; set; } = "";
    [Id(4)] public string PipelineId { get; set; } = "";
    [Id(5)] public int PipelineVersion { get; set; }
    [Id(6)] public LeadStatus Status { get; set; }
    /// <summary>Index into the pipeline's stages of the current (or, once closed, the last) stage.</summary>
    [Id(7)] public int StageIndex { get; set; }
    [Id(8)] public List<TaskInstance> Tasks { get; set; } = [];
    [Id(9)] public List<StageVisit> History { get; set; } = [];
    [Id(10)] public List<ActivityView> Activities { get; set; } = [];
    [Id(11)] public OutcomeView? Outcome { get; set; }
    [Id(12)] public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when the rep confirms the current stage's <c>manual</c> goal.</summary>
    [Id(13)] public bool ManualConfirmed { get; set; }
    /// <summary>Operation ids applied, as stored before <see cref="AppliedOperations"/> kept them as hashes; emptied by the next command.</summary>
    [Id(14)] public List<string> Operations { get; set; } = [];
    /// <summary>
    /// Effects written with the command and carried out after it; carried out again after a crash. One carried
    /// out leaves the list in memory at once and the stored list with the next write.
    /// </summary>
    [Id(15)] public List<PendingEffect> Pending { get; set; } = [];
    [Id(16)] public long NextPendingSeq { get; set; }
    /// <summary>The sequence of the last analytics batch (1, 2, 3… per lead).</summary>
    [Id(17)] public long AnalyticsSeq { get; set; }
    /// <summary>When the last command changed the lead (any activity by anyone); a stage's <c>staleAfter</c> counts from here.</summary>
    [Id(18)] public DateTimeOffset? LastActivityAt { get; set; }
    /// <summary>When the stale-lead reminder is due, if one is registered.</summary>
    [Id(19)] public DateTimeOffset? StaleCheckAt { get; set; }
    /// <summary>The hashes of the operation ids already applied, newest last (see <see cref="Leads.AppliedOperations"/>).</summary>
    [Id(20)] public List<ulong> AppliedOperations { get; set; } = [];
}
