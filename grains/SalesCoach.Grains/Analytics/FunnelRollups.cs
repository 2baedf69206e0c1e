namespace SalesCoach.Analytics;

/// <summary>
/// Pre-summed indexes beside the fine cells, so a query adds a few dozen sums instead of every cell
/// of the period (at 1,000,000 events there are ~700,000 cells). Per scope — the whole pipeline, each
/// team, each rep within a team — the counters of every day and of every aligned block of 8, 64, 512
/// and 4096 days: any period [from, to] is covered exactly by at most ~60 of them. Beside that, the open
/// leads per scope, stage and entry day (the stuck count) and per rep the open value (the forecast).
/// Derived from <see cref="FunnelState"/>, never persisted: built on first use, then kept current by
/// <see cref="FunnelAggregates.Apply"/>; the cells stay the source of truth.
/// </summary>
public sealed class FunnelRollups
{
    private static readonly int[] BlockDays = [1, 8, 64, 512, 4096];

    private readonly Scope all = new();
    private readonly Dictionary<string, Scope> teams = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Rep, string? Team), Scope> repTeams = [];
    private readonly Dictionary<string, List<string?>> teamsOfRep = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Day, string? Team)> latestTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenTotals> openByRep = new(StringComparer.Ordinal);
    private readonly HashSet<string> everOpen = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HashSet<string>> openByEntryDay = [];

    public static FunnelRollups Build(FunnelState state)
    {
        var rollups = new FunnelRollups();
        foreach (var cell in state.Cells.Values)
        {
            rollups.Add(cell.Day, cell.Dimensions, cell);
        }

        foreach (var (leadId, open) in state.Open)
        {
            rollups.Opened(leadId, open);
        }

        return rollups;
    }

    /// <summary>"rep|team", the key of the forecast snapshots.</summary>
    public static string RepKey(LeadDimensions d) => $"{d.Rep}|{d.Team}";

    /// <summary>Counts <paramref name="delta"/> (one batch's counters, or a whole cell when building) on <paramref name="day"/>.</summary>
    public void Add(int day, LeadDimensions d, FunnelCell delta)
    {
        all.Add(day, delta);
        if (d.Team is { } team)
        {
            ScopeOf(teams, team).Add(day, delta);
        }

        if (!repTeams.TryGetValue((d.Rep, d.Team), out var repTeam))
        {
            repTeams[(d.Rep, d.Team)] = repTeam = new Scope();
            (teamsOfRep.TryGetValue(d.Rep, out var list) ? list : teamsOfRep[d.Rep] = []).Add(d.Team);
        }

        repTeam.Add(day, delta);
        if (!latestTeam.TryGetValue(d.Rep, out var latest) || day >= latest.Day)
        {
            latestTeam[d.Rep] = (day, d.Team);
        }
    }

    /// <summary>The counters of the filter's scope over its days, as one cell.</summary>
    public FunnelCell Sum(MetricsFilter filter) => Sum(filter, out _);

    /// <summary>As <see cref="Sum(MetricsFilter)"/>; <paramref name="any"/>: some day of it had a batch.</summary>
    public FunnelCell Sum(MetricsFilter filter, out bool any)
    {
        var sum = new FunnelCell();
        any = false;
        var from = filter.From?.DayNumber ?? int.MinValue;
        var to = filter.To?.DayNumber ?? int.MaxValue;
        foreach (var scope in ScopesOf(filter))
        {
            any |= scope.SumInto(sum, from, to);
        }

        return sum;
    }

    /// <summary>The reps with counters in the filter's scope (any day), for per-rep breakdowns.</summary>
    public IEnumerable<string> Reps(MetricsFilter filter) =>
        repTeams.Keys.Where(k => (filter.RepId is null || k.Rep == filter.RepId) && (filter.TeamId is null || k.Team == filter.TeamId))
            .Select(k => k.Rep).Distinct(StringComparer.Ordinal);

    /// <summary>The team of the rep's latest counted work (null when none, or when that work had no team).</summary>
    public string? LatestTeam(string repId) => latestTeam.TryGetValue(repId, out var latest) ? latest.Team : null;

    /// <summary>Open leads per stage in the filter's scope that entered their stage before <paramref name="before"/>.</summary>
    public Dictionary<string, long> OpenBefore(MetricsFilter filter, DateTimeOffset before, FunnelState state)
    {
        var boundary = FunnelAggregates.DayOf(before);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var scope in ScopesOf(filter))
        {
            foreach (var (stageId, byDay) in scope.OpenByStageDay)
            {
                long n = 0;
                foreach (var (day, count) in byDay)
                {
                    n += day < boundary ? count : 0;
                }

                counts[stageId] = counts.GetValueOrDefault(stageId) + n;
            }
        }

        // The boundary day itself: the few leads that entered their stage that day, compared to the tick.
        if (openByEntryDay.TryGetValue(boundary, out var leads))
        {
            foreach (var leadId in leads)
            {
                var open = state.Open[leadId];
                if (open.EnteredAt < before && FunnelAggregates.Matches(open.Dimensions, filter))
                {
                    counts[open.StageId] = counts.GetValueOrDefault(open.StageId) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>Weighted open value now per "rep|team" in the filter's scope (only keys with an open lead).</summary>
    public Dictionary<string, decimal> OpenWeighted(MetricsFilter filter) =>
        openByRep.Where(kv => kv.Value.Count > 0 && FunnelAggregates.Matches(kv.Value.Dimensions, filter))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Weighted, StringComparer.Ordinal);

    /// <summary>Open value now per "rep|team" and stage in the filter's scope.</summary>
    public Dictionary<string, Dictionary<string, decimal>> OpenValue(MetricsFilter filter) =>
        openByRep.Where(kv => kv.Value.Count > 0 && FunnelAggregates.Matches(kv.Value.Dimensions, filter))
            .ToDictionary(kv => kv.Key, kv => new Dictionary<string, decimal>(kv.Value.ValueByStage, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The snapshots a new day takes: the same as summing <see cref="FunnelState.Open"/> by rep, without reading it.</summary>
    public (Dictionary<string, decimal> Weighted, Dictionary<string, Dictionary<string, decimal>> Value) Snapshot() =>
        (OpenWeighted(new MetricsFilter()), OpenValue(new MetricsFilter()));

    /// <summary>Every "rep|team" that ever had an open lead (a superset of the snapshots' keys).</summary>
    public IEnumerable<LeadDimensions> EverOpen(MetricsFilter filter) =>
        everOpen.Select(k => openByRep[k].Dimensions).Where(d => FunnelAggregates.Matches(d, filter));

    public void Opened(string leadId, OpenLead open)
    {
        var key = RepKey(open.Dimensions);
        if (!openByRep.TryGetValue(key, out var totals))
        {
            openByRep[key] = totals = new OpenTotals(open.Dimensions);
            everOpen.Add(key);
        }

        totals.Count++;
        totals.Weighted += open.Weighted;
        totals.ValueByStage[open.StageId] = totals.ValueByStage.GetValueOrDefault(open.StageId) + open.Value;
        var day = FunnelAggregates.DayOf(open.EnteredAt);
        foreach (var scope in OpenScopes(open.Dimensions))
        {
            scope.OpenChanged(open.StageId, day, +1);
        }

        (openByEntryDay.TryGetValue(day, out var leads) ? leads : openByEntryDay[day] = new HashSet<string>(StringComparer.Ordinal)).Add(leadId);
    }

    public void Closed(string leadId, OpenLead open)
    {
        var totals = openByRep[RepKey(open.Dimensions)];
        totals.Count--;
        totals.Weighted -= open.Weighted;
        var value = totals.ValueByStage[open.StageId] - open.Value;
        totals.ValueByStage[open.StageId] = value;
        if (totals.Count == 0)
        {
            totals.ValueByStage.Clear();
        }

        var day = FunnelAggregates.DayOf(open.EnteredAt);
        foreach (var scope in OpenScopes(open.Dimensions))
        {
            scope.OpenChanged(open.StageId, day, -1);
        }

        if (openByEntryDay.TryGetValue(day, out var leads) && leads.Remove(leadId) && leads.Count == 0)
        {
            openByEntryDay.Remove(day);
        }
    }

    private IEnumerable<Scope> ScopesOf(MetricsFilter filter)
    {
        if (filter.RepId is { } rep)
        {
            if (teamsOfRep.TryGetValue(rep, out var repsTeams))
            {
                foreach (var team in repsTeams.Where(t => filter.TeamId is null || t == filter.TeamId))
                {
                    yield return repTeams[(rep, team)];
                }
            }
        }
        else if (filter.TeamId is { } team)
        {
            if (teams.TryGetValue(team, out var scope))
            {
                yield return scope;
            }
        }
        else
        {
            yield return all;
        }
    }

    /// <summary>The scopes an open lead counts in (its rep-within-team scope is created if it has no counters yet).</summary>
    private IEnumerable<Scope> OpenScopes(LeadDimensions d)
    {
        yield return all;
        if (d.Team is { } team)
        {
            yield return ScopeOf(teams, team);
        }

        if (!repTeams.TryGetValue((d.Rep, d.Team), out var repTeam))
        {
            repTeams[(d.Rep, d.Team)] = repTeam = new Scope();
            (teamsOfRep.TryGetValue(d.Rep, out var list) ? list : teamsOfRep[d.Rep] = []).Add(d.Team);
        }

        yield return repTeam;
    }

    private static Scope ScopeOf(Dictionary<string, Scope> scopes, string key) =>
        scopes.TryGetValue(key, out var scope) ? scope : scopes[key] = new Scope();

    /// <summary>One scope's counters per day and per aligned block of days, and its open leads per stage and entry day.</summary>
    private sealed class Scope
    {
        private readonly Dictionary<int, FunnelCell>[] levels = [.. BlockDays.Select(_ => new Dictionary<int, FunnelCell>())];
        private int minDay = int.MaxValue;
        private int maxDay = int.MinValue;

        public Dictionary<string, Dictionary<int, int>> OpenByStageDay { get; } = new(StringComparer.Ordinal);

        public void Add(int day, FunnelCell delta)
        {
            for (var level = 0; level < BlockDays.Length; level++)
            {
                var block = day / BlockDays[level];
                if (!levels[level].TryGetValue(block, out var sum))
                {
                    levels[level][block] = sum = new FunnelCell();
                }

                sum.Add(delta);
            }

            minDay = Math.Min(minDay, day);
            maxDay = Math.Max(maxDay, day);
        }

        /// <summary>Adds days [from, to] to <paramref name="sum"/>, each day exactly once, largest aligned blocks first.</summary>
        public bool SumInto(FunnelCell sum, int from, int to)
        {
            from = Math.Max(from, minDay);
            to = Math.Min(to, maxDay);
            var any = false;
            for (var day = from; day <= to;)
            {
                var level = BlockDays.Length - 1;
                while (level > 0 && (day % BlockDays[level] != 0 || day + BlockDays[level] - 1 > to))
                {
                    level--;
                }

                if (levels[level].TryGetValue(day / BlockDays[level], out var part))
                {
                    sum.Add(part);
                    any = true;
                }

                day += BlockDays[level];
            }

            return any;
        }

        public void OpenChanged(string stageId, int day, int by)
        {
            if (!OpenByStageDay.TryGetValue(stageId, out var byDay))
            {
                OpenByStageDay[stageId] = byDay = [];
            }

            var count = byDay.GetValueOrDefault(day) + by;
            if (count == 0)
            {
                byDay.Remove(day);
            }
            else
            {
                byDay[day] = count;
            }
        }
    }

    /// <summary>A rep's (within a team) open leads: how many, Σ value × probability, Σ value per stage.</summary>
    private sealed class OpenTotals(LeadDimensions dimensions)
    {
        public LeadDimensions Dimensions { get; } = new() { Rep = dimensions.Rep, Team = dimensions.Team };
        public int Count { get; set; }
        public decimal Weighted { get; set; }
        public Dictionary<string, decimal> ValueByStage { get; } = new(StringComparer.Ordinal);
    }
}
