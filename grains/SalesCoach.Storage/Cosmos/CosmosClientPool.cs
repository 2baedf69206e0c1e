using System.Collections.Concurrent;
using Azure.Core;
using Microsoft.Azure.Cosmos;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// One <see cref="CosmosClient"/> per account and credential, shared by every provider of a silo, as the SDK
/// advises: a client holds connections and routing caches that are costly to build per provider.
/// </summary>
public sealed class CosmosClientPool : IDisposable
{
    private readonly ConcurrentDictionary<ClientKey, Lazy<CosmosClient>> _clients = new();
    private bool _disposed;

    /// <summary>The client for the options' endpoint and key or credential; the first options' client settings win.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public CosmosClient GetClient(CosmosStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed, this);
        CosmosStorageOptionsValidator.ThrowIfInvalid(null, options);
        var key = new ClientKey(options.Endpoint!, options.Key, options.Credential, options.ConfigureClient);
        return _clients.GetOrAdd(key, k => new Lazy<CosmosClient>(() => Create(k))).Value;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }

    private static CosmosClient Create(ClientKey key)
    {
        var options = new CosmosClientOptions
        {
            ApplicationName = "SalesCoach",
            ConnectionMode = ConnectionMode.Direct,

            // The providers need only the new ETag of a write, which comes in a header.
            EnableContentResponseOnWrite = false,
        };
        key.ConfigureClient?.Invoke(options);
        return string.IsNullOrEmpty(key.AccountKey)
            ? new CosmosClient(key.Endpoint, key.Credential, options)
            : new CosmosClient(key.Endpoint, key.AccountKey, options);
    }

    private sealed record ClientKey(string Endpoint, string? AccountKey, TokenCredential? Credential, Action<CosmosClientOptions>? ConfigureClient);
}
