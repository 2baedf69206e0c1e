using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SalesCoach.Bench;

/// <summary>
/// <c>startup</c>: time from starting <c>dotnet SalesCoach.Bot.dll</c> with a fresh data directory (SQLite,
/// sample seeding, silo start) to a 200 from /healthz, against the same for a minimal ASP.NET Core host
/// with only /healthz (this bench's <c>minimal-host</c>), alternating, several rounds.
/// </summary>
public static class StartupMeasure
{
    public static async Task<int> RunAsync(Options options)
    {
        var rounds = options.Int("rounds", 5);
        var dll = BotProcess.BotDll(options);
        Console.WriteLine($"startup: {rounds} rounds of `dotnet {dll}` (fresh data dir) vs `dotnet SalesCoach.Bench.dll minimal-host`");
        var baseline = new List<double>();
        var measured = new List<double>();
        var limit = TimeSpan.FromSeconds(60);
        for (var round = 0; round < rounds; round++)
        {
            await using (var minimal = BotProcess.StartMinimal())
            {
                baseline.Add((await minimal.WaitHealthyAsync(limit)).TotalMilliseconds);
            }

            await using (var bot = BotProcess.StartBot(dll, BotProcess.BotEnvironment(options)))
            {
                measured.Add((await bot.WaitHealthyAsync(limit)).TotalMilliseconds);
            }

            Console.WriteLine($"  round {round + 1}: minimal host {baseline[^1]:F0} ms, SalesCoach {measured[^1]:F0} ms");
        }

        Stats.Table("startup: process start → healthy /healthz", new List<(string, string)>
        {
            ("baseline: minimal ASP.NET Core host", Stats.Spread(baseline, 0) + " ms"),
            ("SalesCoach embedded default", Stats.Spread(measured, 0) + " ms"),
            ("ratio (SalesCoach / minimal)", $"{Stats.Median(measured) / Stats.Median(baseline):F2}×"),
        });
        return 0;
    }

    /// <summary>The baseline host: Kestrel with one /healthz endpoint.</summary>
    public static async Task<int> MinimalHostAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        await app.RunAsync();
        return 0;
    }
}
