using System.Diagnostics;
using SalesCoach.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesCoach.Cluster.Tests;

/// <summary>Three silos, one killed with SIGKILL mid-load: what must hold afterwards (see <see cref="ThreeSiloCluster"/>).</summary>
[Trait("Category", "Cluster")]
public sealed class ClusterFailoverTests(ThreeSiloCluster cluster, ITestOutputHelper output) : IClassFixture<ThreeSiloCluster>
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(5);

    [Fact]
    public void Kill_DuringLoad_EveryAcknowledgedCommandIsInTheFinalState()
    {
        WriteTimings();

        Assert.True(cluster.AcknowledgedBeforeKill > 0, "the silo was killed before any command was acknowledged");
        Assert.Equal(ThreeSiloCluster.LeadCount * ThreeSiloCluster.Rounds, cluster.Acknowledged.Count);
        var missing = cluster.Acknowledged.Where(a => !cluster.FinalActivities[a.LeadId].Contains(a.ExternalId)).ToList();
        Assert.True(missing.Count == 0, $"acknowledged but missing: {string.Join(", ", missing)}; logs: {cluster.Logs()}");
    }

    [Fact]
    public void Kill_LeadsActiveOnTheKilledSilo_ReactivateOnASurvivor()
    {
        Assert.NotEmpty(cluster.VictimLeads);
        Assert.All(cluster.VictimLeads, id =>
        {
            var port = cluster.VictimLeadsNowOn[id];
            Assert.NotNull(port);
            Assert.NotEqual(cluster.Victim.SiloPort, port);
            Assert.Contains(port, cluster.Silos.Where(s => !s.Killed).Select(s => (int?)s.SiloPort));
        });
        Assert.All(cluster.VictimLeads, id => Assert.Equal(ThreeSiloCluster.Rounds, cluster.FinalActivities[id].Count));
    }

    [Fact]
    public async Task Kill_BeforeTasksFallDue_EachTaskDueNotificationArrivesExactlyOnce()
    {
        var clock = Stopwatch.StartNew();
        await Deadline.UntilAsync(() => Task.FromResult(cluster.AllTasksNotified()), TimeSpan.FromSeconds(120),
            $"a task-due notification for every lead (got {cluster.Webhook.Counts.Count}; logs: {cluster.Logs()})");

        // A duplicate would come from a second activation or a lost outbox write: give one a bounded chance to show.
        var seen = cluster.Webhook.Received.Count;
        var quiet = Stopwatch.StartNew();
        await Deadline.UntilAsync(
            () =>
            {
                if (cluster.Webhook.Received.Count != seen)
                {
                    seen = cluster.Webhook.Received.Count;
                    quiet.Restart();
                }

                return Task.FromResult(quiet.Elapsed >= QuietPeriod);
            },
            TimeSpan.FromSeconds(60),
            "the webhook to stay quiet");
        output.WriteLine($"notifications: {cluster.Webhook.Received.Count} in {clock.Elapsed.TotalSeconds:0.0} s after the load");

        foreach (var lead in cluster.LeadIds)
        {
            var due = cluster.Webhook.Counts.Where(c => ThreeSiloCluster.IsTaskDue(c.Key, lead)).ToList();
            Assert.Single(due);
            Assert.Equal(1, due[0].Value);
        }

        Assert.All(cluster.Webhook.Counts, c => Assert.Equal(1, c.Value));
    }

    private void WriteTimings()
    {
        foreach (var (phase, at) in cluster.Timings)
        {
            output.WriteLine($"{phase}: {at.TotalSeconds:0.0} s");
        }

        output.WriteLine($"victim: silo {cluster.Victim.Index} with {cluster.VictimLeads.Count} of {ThreeSiloCluster.LeadCount} leads; " +
            $"{cluster.AcknowledgedBeforeKill} commands acknowledged before the kill; {cluster.FailedAttempts} attempts failed and were retried");
    }
}
