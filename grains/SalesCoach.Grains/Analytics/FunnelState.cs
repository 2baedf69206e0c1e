using SalesCoach.Common;

namespace SalesCoach.Analytics;

/// <summary>Everything a pipeline's funnel grain persists (as <see cref="FunnelJournal"/>'s snapshot): counters, open leads, forecast snapshots, and what was applied.</summary>
[GenerateSerializer]
public sealed class FunnelState : IJournaledState
{
    // Derived from the fields below, never persisted.
    [NonSerialized]
    private FunnelRollups? rollups;

    /// <summary>By "day|rep|team|product|territory|source".</summary>
    [Id(0)] public Dictionary<string, FunnelCell> Cells { get; set; } = [];
    /// <summary>The last batch sequence applied, per lead (the high-water mark that makes delivery idempotent).</summary>
    [Id(1)] public Dictionary<string, long> Applied { get; set; } = [];
    /// <summary>Open leads by id: the forecast and the stuck count.</summary>
    [Id(2)] public Dictionary<string, OpenLead> Open { get; set; } = [];
    /// <summary>Per day with events: each rep's weighted open value ("rep|team" → value) at the start of that day.</summary>
    [Id(3)] public Dictionary<int, Dictionary<string, decimal>> ForecastAtDayStart { get; set; } = [];
    /// <summary>
    /// Per day with events: each rep's open value per stage ("rep|team" → stage → value) at the start of
    /// that day, for the forecast by historical stage-to-win rate. Missing for days before it existed.
    /// </summary>
    [Id(4)] public Dictionary<int, Dictionary<string, Dictionary<string, decimal>>> OpenValueAtDayStart { get; set; } = [];
    /// <summary>The first <see cref="FunnelJournal"/> page this state does not include (0 before the journal existed).</summary>
    [Id(5)] public long JournalFrom { get; set; }

    /// <summary>The roll-ups the queries read: built from the state on first use, then kept current by <see cref="FunnelAggregates.Apply"/>.</summary>
    internal FunnelRollups Rollups() => rollups ??= FunnelRollups.Build(this);
}
