using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>
/// The real host as a separate process (<c>dotnet SalesCoach.Bot.dll</c> from the test output
/// directory), on free ports of its own and a given SQLite file; its output is kept to explain failures.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<HttpClient> _clients = [];

    private BotProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host; it is not ready until <see cref="WaitUntilHealthyAsync"/> returns.</summary>
    public static BotProcess Start(string databasePath, string workingDirectory, params string[] extraArguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SalesCoach.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("the host is not next to the tests; build the test project (it references bot)", dll);
        }

        var ports = FreeTcpPorts.Take(3).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToArray();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{ports[0]}",
            "--Storage:Provider", "Sqlite", "--Storage:Sqlite:Path", databasePath,
            "--Orleans:SiloPort", ports[1], "--Orleans:GatewayPort", ports[2],
        }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{ports[0]}"));
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Polls <c>/healthz</c> until it answers 200; fails when the process exits or the deadline passes.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan deadline)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        var last = "no answer yet";
        while (waited.Elapsed < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {_process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250)); // a separate process is starting: poll, within the deadline
        }

        throw new TimeoutException($"the host was not healthy within {deadline} (last: {last}):\n{Output}");
    }

    /// <summary>A client that names the caller with the development header.</summary>
    public HttpClient As(string callerId)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-SalesCoach-User", callerId);
        _clients.Add(client);
        return client;
    }

    /// <summary>SIGKILL to the host and anything it started: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The dotnet executable that runs the tests (the SDK names it in DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
