using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace SalesCoach.Cluster.Tests.Infrastructure;

/// <summary>
/// One SalesCoach host (silo + web endpoints) as a separate process: <c>dotnet SalesCoach.Bot.dll</c> with its
/// own ports, started exactly as an operator would, with the storage and clustering given on the command line.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly StreamWriter _log;

    private SiloProcess(int index, Process process, int httpPort, int siloPort, string logPath)
    {
        Index = index;
        _process = process;
        HttpPort = httpPort;
        SiloPort = siloPort;
        LogPath = logPath;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(15) };
        _log = new StreamWriter(logPath) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Index { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    /// <summary>Gets the file the host's console output goes to, for a failing test's message.</summary>
    public string LogPath { get; }

    /// <summary>Gets whether the test has killed this silo.</summary>
    public bool Killed { get; private set; }

    /// <summary>Starts a host; <paramref name="settings"/> become <c>--key value</c> arguments.</summary>
    public static SiloProcess Start(int index, int httpPort, int siloPort, int gatewayPort, IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string> environment, string directory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BotAssembly());
        var arguments = new Dictionary<string, string>(settings)
        {
            ["urls"] = $"http://127.0.0.1:{httpPort}",
            ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        return new SiloProcess(index, process, httpPort, siloPort, Path.Combine(directory, $"silo-{index}.log"));
    }

    /// <summary>Waits until <c>/healthz</c> answers 200.</summary>
    public Task WaitHealthyAsync(TimeSpan within) => Deadline.UntilAsync(
        async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"silo {Index} exited with {_process.ExitCode}; see {LogPath}");
            }

            try
            {
                using var response = await _http.GetAsync("/healthz");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        },
        within,
        $"silo {Index} healthy (log: {LogPath})");

    /// <summary>Sends a request as <paramref name="caller"/> (the development identity header, accepted from loopback).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string caller, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-SalesCoach-User", caller);
        return _http.SendAsync(request);
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster; the others must notice on their own.</summary>
    public void Kill()
    {
        Killed = true;
        _process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _http.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
            }
        }
    }

    // The host is built with the tests (a project reference that is not loaded); run the same configuration's output.
    private static string BotAssembly()
    {
        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SalesCoach.sln")))
            {
                var dll = Path.Combine(directory.FullName, "bot", "bin", configuration, "net10.0", "SalesCoach.Bot.dll");
                return File.Exists(dll) ? dll : throw new InvalidOperationException($"the host is not built: {dll}");
            }
        }

        throw new InvalidOperationException($"SalesCoach.sln not found above {AppContext.BaseDirectory}");
    }
}
