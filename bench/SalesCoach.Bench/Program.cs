using SalesCoach.Bench;

// One command per measurement; see docs/BENCHMARKS.md for the exact commands and the figures.
//   dotnet run -c Release --project bench/SalesCoach.Bench -- <measure> [--option value ...]
ThreadPool.SetMinThreads(128, 128); // Microsoft.Data.Sqlite blocks threads; same setting for every baseline in the run
var options = Options.Parse(args.Skip(1));
var measure = args.FirstOrDefault() ?? "help";
CallProfile.Enabled = options.String("profile", "off") == "on"; // grain-call profile (commands, durable): costs every call, so off for the headline figures
try
{
    return measure switch
    {
        "commands" => await CommandsMeasure.RunAsync(options, durable: false),
        "durable" => await CommandsMeasure.RunAsync(options, durable: true),
        "reminders" => await RemindersMeasure.RunAsync(options),
        "endpoint" => await EndpointMeasure.RunAsync(options),
        "memory" => await MemoryMeasure.RunAsync(options),
        "startup" => await StartupMeasure.RunAsync(options),
        "metrics" => await MetricsMeasure.RunAsync(options),
        "minimal-host" => await StartupMeasure.MinimalHostAsync(args.Skip(1).ToArray()),
        _ => Help(),
    };
}
catch (OptionException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int Help()
{
    Console.WriteLine("""
        SalesCoach load driver. Usage: dotnet run -c Release --project bench/SalesCoach.Bench -- <measure> [options]
          commands   lead commands/s (memory storage) vs empty grain calls/s      --rounds 5 --leads 5000 --stages 10 --seconds 3 --concurrency 64 --reps 500 [--profile on]
          durable    the same on SQLite (synchronous=FULL) vs raw SQLite upserts/s  --rounds 5 --leads 3000 --stages 10 --seconds 3 --concurrency 64 --reps 500 [--profile on]
                     both: --warmup-rounds auto (until the JIT is quiet, ≤ 8) or N
          reminders  reminder rows, silo memory, due→notify lag                     --reps 1000 --leads 10000 --tasks 10 --due 180 --wait 240 --sync FULL
          endpoint   POST /api/messages card invokes vs GET /healthz (spawns the bot dll on loopback)
                                                                                    --rounds 3 --seconds 5 --concurrency 64 --leads 3000 --stages 10 --storage Sqlite
          memory     bytes per active lead grain vs per empty grain                 --leads 100000
          startup    process start → healthy /healthz of the bot vs a minimal ASP.NET Core host  --rounds 5
          metrics    funnel and coaching query p50/p99 after N lead events vs a naive scan of them  --events 1000000 --queries 200 --scans 5 --rounds 3 --warmup 200
        """);
    return 1;
}
