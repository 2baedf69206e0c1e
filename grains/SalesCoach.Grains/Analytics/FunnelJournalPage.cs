namespace SalesCoach.Analytics;

/// <summary>One page of a funnel's journal: the batches one group write applied, in the order they were applied.</summary>
[GenerateSerializer]
public sealed class FunnelJournalPage
{
    [Id(0)] public List<LeadEventBatch> Batches { get; set; } = [];
}
