using System.Diagnostics;
using SalesCoach.Analytics;
using SalesCoach.Bot.Extensions;

namespace SalesCoach.Bot.Simulation;

/// <summary>
/// <c>dotnet run --project bot -- simulate [--reps 20] [--leads 5000] [--days 120] [--seed 7] [--demo]</c>:
/// runs a simulation on a silo of its own and prints the metrics next to the ground truth; with
/// <c>--demo</c>, loads the history into the embedded default's database instead (the sample
/// team and pipeline), so a newcomer's funnel card is not empty.
/// </summary>
public static class SimulateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (options, problems) = SimulationOptions.Parse(args);
        if (options is null)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"{problem.Path}: {problem.Message}");
            }

            return 2;
        }

        return options.Demo ? await DemoAsync(options) : await ReportAsync(options);
    }

    private static async Task<int> ReportAsync(SimulationOptions options)
    {
        var start = Simulator.StartFor(DateTimeOffset.UtcNow, options.Days);
        var time = new SimulatedTime(start);
        using var host = await SimulationHost.StartAsync(time);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var clock = Stopwatch.StartNew();
        var truth = await new Simulator(grains, time).RunAsync(options, start);
        var simulated = clock.Elapsed;

        var funnel = grains.GetGrain<IFunnelGrain>(SimulationModel.PipelineId);
        var filter = new MetricsFilter();
        clock.Restart();
        var metrics = await funnel.GetFunnelAsync(filter);
        var queryTime = clock.Elapsed;
        Console.WriteLine($"Simulated {options.Leads} leads, {options.Reps} reps, {options.Days} days, seed {options.Seed} in {simulated.TotalSeconds:0.0} s.\n");
        SimulationReport.Write(Console.Out, truth, metrics, await funnel.GetAdoptionAsync(filter), await funnel.GetForecastAsync(filter), queryTime,
            id => SimulationModel.Pipeline.Stages.Find(s => s.Id == id)?.Probability);
        await host.StopAsync();
        return 0;
    }

    /// <summary>The sample reps (ana, bo, chen) working the sample pipeline over the last days, in the configured database.</summary>
    private static async Task<int> DemoAsync(SimulationOptions options)
    {
        var now = DateTimeOffset.UtcNow;
        var start = Simulator.StartFor(now, options.Days);
        var time = new SimulatedTime(start);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton(new Common.SalesClock(time));
        builder.Services.AddSingleton<Reps.INotifier, NullNotifier>();
        builder.AddSalesCoachSilo();
        var banner = builder.Services.Single(d => d.ImplementationType == typeof(Hosting.StartupBanner)); // it needs the web server
        builder.Services.Remove(banner);
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var sample = await grains.GetGrain<Pipelines.IPipelineGrain>("b2b").GetAsync()
            ?? throw new InvalidOperationException("the sample pipeline 'b2b' is missing (is Seed:Sample false?)");
        var random = new Random(options.Seed);
        var model = new SimulationModel(3, random);
        model.Reps.Clear();
        foreach (var rep in SampleData.SampleSeeder.Reps.Where(r => r.ManagerId is not null))
        {
            model.Reps.Add(new SimRep(rep, [0.8, 0.7, 0.75, 0.55, 0.6], [1, 3, 4, 6, 5], 0.2));
        }

        var truth = await new Simulator(grains, time).RunAsync(options with { Leads = Math.Min(options.Leads, 400) }, start, model, sample);
        time.SetUtcNow(now);
        Console.WriteLine($"Loaded a {options.Days}-day history into the embedded default: {truth.Created} leads, {truth.Won} won, {truth.Lost} lost.");
        await host.StopAsync();
        return 0;
    }
}
