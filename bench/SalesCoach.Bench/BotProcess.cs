using System.Diagnostics;
using System.Net;

namespace SalesCoach.Bench;

/// <summary>A host process the bench starts (the built bot dll, or this bench's minimal host) on loopback, and stops by its own id.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;

    private BotProcess(Process process, string baseUrl, string dataDir) => (this.process, BaseUrl, DataDir) = (process, baseUrl, dataDir);

    public string BaseUrl { get; }

    public string DataDir { get; }

    public Stopwatch SinceStart { get; } = Stopwatch.StartNew();

    /// <summary>CPU time the process has used so far (user and kernel, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesCoach.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SalesCoach.sln not found above " + AppContext.BaseDirectory);
    }

    public static string BotDll(Options options)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var path = options.String("bot", Path.Combine(RepoRoot(), "bot", "bin", configuration, "net10.0", "SalesCoach.Bot.dll"));
        return File.Exists(path) ? path : throw new OptionException($"{path} not found: build the solution (-c {configuration}) first, or pass --bot <dll>");
    }

    /// <summary>
    /// Environment variables for the bot process only (<c>--bot-env NAME=value,NAME=value</c>), e.g. the runtime's GC
    /// settings, so two settings can be compared without changing the driver's own runtime.
    /// </summary>
    public static IReadOnlyDictionary<string, string> BotEnvironment(Options options) =>
        options.String("bot-env", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : throw new OptionException($"--bot-env: '{pair[0]}' has no '='"));

    /// <summary>Starts the bot dll with a fresh data directory, loopback URL and free silo/gateway ports; <paramref name="extra"/> are more --key value settings.</summary>
    public static BotProcess StartBot(string dll, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var dataDir = Directory.CreateTempSubdirectory("salescoach-bench-bot-").FullName;
        var port = BenchSilo.FreePort();
        string[] args =
        [
            dll, "--urls", $"http://127.0.0.1:{port}",
            "--Storage:Sqlite:Path", Path.Combine(dataDir, "salescoach.db"),
            "--Orleans:SiloPort", BenchSilo.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", BenchSilo.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
            .. extra,
        ];
        return Start(args, $"http://127.0.0.1:{port}", dataDir, environment);
    }

    /// <summary>Starts this bench's minimal ASP.NET Core host (the start-up baseline).</summary>
    public static BotProcess StartMinimal()
    {
        var port = BenchSilo.FreePort();
        var dll = typeof(BotProcess).Assembly.Location;
        return Start([dll, "minimal-host", "--urls", $"http://127.0.0.1:{port}"], $"http://127.0.0.1:{port}", Path.GetTempPath(), new Dictionary<string, string>());
    }

    private static BotProcess Start(string[] args, string baseUrl, string dataDir, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var bot = new BotProcess(process, baseUrl, dataDir);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  [host stderr] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Polls /healthz every 10 ms until it answers 200; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (SinceStart.Elapsed < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {process.ExitCode} before it was healthy");
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + "/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return SinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{BaseUrl}/healthz not healthy within {limit}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (DataDir.Contains("salescoach-bench-bot-", StringComparison.Ordinal))
        {
            try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
        }
    }
}
