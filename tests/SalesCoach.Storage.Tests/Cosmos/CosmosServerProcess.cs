using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Azure.Cosmos;

namespace SalesCoach.Testing.Cosmos;

/// <summary>
/// A Cosmos DB API server on loopback for tests: <c>tests/cosmos-server/launch.js</c> (the npm package
/// <c>@vercel/cosmosdb-server</c> with the corrections its comments list) started with <c>node</c> on a free
/// port, over HTTPS with a self-signed certificate made here. Clients trust that one certificate only, and
/// only through <see cref="ConfigureClient"/> or <see cref="CertificatePath"/>; nothing in production code does.
/// </summary>
/// <remarks>
/// The server keeps its data in memory: it lives as long as this object, and a fresh provider over the same
/// running server is how a test shows that state outlives a provider instance.
/// </remarks>
public sealed partial class CosmosServerProcess : IAsyncDisposable
{
    /// <summary>Any base64 string is a key to this server; it checks no signatures.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private readonly byte[] _certificateHash;

    private CosmosServerProcess(Process process, string directory, byte[] certificateHash, string certificatePath)
    {
        _process = process;
        _directory = directory;
        _certificateHash = certificateHash;
        CertificatePath = certificatePath;
        ConfigureClient = Configure;
    }

    /// <summary>Gets the endpoint, e.g. <c>https://127.0.0.1:40123/</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Gets the server certificate as a PEM file, for processes that trust it through <c>SSL_CERT_FILE</c>.</summary>
    public string CertificatePath { get; }

    /// <summary>
    /// Gets the client settings this server needs: gateway mode (it speaks only the REST API), no discovery of
    /// other regions, and an HTTP handler that accepts this server's certificate and no other.
    /// </summary>
    public Action<CosmosClientOptions> ConfigureClient { get; }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public static async Task<CosmosServerProcess> StartAsync()
    {
        var launcher = FindLauncher();
        var directory = Directory.CreateTempSubdirectory("salescoach-cosmos-server-").FullName;
        var (certificatePath, keyPath, hash) = WriteCertificate(directory);

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { launcher, "--host", "127.0.0.1", "--port", "0", "--cert", certificatePath, "--key", keyPath },
            WorkingDirectory = Path.GetDirectoryName(launcher)!,
            RedirectStandardInput = true, // the launcher exits when this closes, so a dead test run leaves no server behind
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var server = new CosmosServerProcess(process, directory, hash, certificatePath);
        try
        {
            await server.WaitUntilListeningAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for this server, in gateway mode, trusting its certificate only.</summary>
    public CosmosClient CreateClient()
    {
        var options = new CosmosClientOptions();
        ConfigureClient(options);
        return new CosmosClient(Endpoint, Key, options);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Configure(CosmosClientOptions options)
    {
        options.ConnectionMode = ConnectionMode.Gateway;
        options.LimitToEndpoint = true;
        options.HttpClientFactory = () => new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = IsThisServer },
        });
    }

    // Pinned to the certificate made for this server: chain and name errors are expected (it is self-signed), anything else is refused.
    private bool IsThisServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        => certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), _certificateHash);

    private async Task WaitUntilListeningAsync()
    {
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException($"the Cosmos DB test server exited before listening:\n{Output()}"));
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(match.Groups["endpoint"].Value);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            Endpoint = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"the Cosmos DB test server did not listen within {StartTimeout}:\n{Output()}");
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static string FindLauncher()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var launcher = Path.Combine(directory.FullName, "tests", "cosmos-server", "launch.js");
            if (File.Exists(launcher))
            {
                if (!Directory.Exists(Path.Combine(directory.FullName, "tests", "cosmos-server", "node_modules", "@vercel", "cosmosdb-server")))
                {
                    throw new InvalidOperationException($"the Cosmos DB test server is not installed: run `npm ci` in {Path.GetDirectoryName(launcher)} (./test.sh does)");
                }

                return launcher;
            }
        }

        throw new InvalidOperationException($"tests/cosmos-server/launch.js not found above {AppContext.BaseDirectory}");
    }

    // Self-signed, for 127.0.0.1 and localhost, valid for a day. CA:true so that a process may also trust it as its only root (SSL_CERT_FILE).
    private static (string CertificatePath, string KeyPath, byte[] Hash) WriteCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=salescoach-cosmos-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));

        var certificatePath = Path.Combine(directory, "cert.pem");
        var keyPath = Path.Combine(directory, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    [GeneratedRegex(@"listening on (?<endpoint>https://\S+)")]
    private static partial Regex ListeningLine();
}
