using Azure.Core;
using Microsoft.Azure.Cosmos;
using Orleans.Runtime;
using Orleans.Storage;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// Options for the Cosmos DB grain storage and reminder table.
/// </summary>
public sealed class CosmosStorageOptions : IStorageSerializerOptions
{
    /// <summary>The default for <see cref="Database"/>.</summary>
    public const string DefaultDatabase = "salescoach";

    /// <summary>The default for <see cref="GrainStateContainer"/>.</summary>
    public const string DefaultGrainStateContainer = "grainstate";

    /// <summary>The default for <see cref="ReminderContainer"/>.</summary>
    public const string DefaultReminderContainer = "reminders";

    /// <summary>Gets or sets the account endpoint (required), e.g. <c>https://contoso.documents.azure.com:443/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Gets or sets the account key. Either this or <see cref="Credential"/> is required.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// Gets or sets a Microsoft Entra credential (e.g. <c>DefaultAzureCredential</c>), used when <see cref="Key"/> is not set.
    /// The identity needs the data-plane role "Cosmos DB Built-in Data Contributor"; creating the database and
    /// containers is a control-plane operation that such an identity cannot do, so set
    /// <see cref="CreateIfNotExists"/> to false and create them when deploying.
    /// </summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Gets or sets the database name.</summary>
    public string Database { get; set; } = DefaultDatabase;

    /// <summary>Gets or sets the container for grain state (partition key <c>/id</c>: one logical partition per grain state).</summary>
    public string GrainStateContainer { get; set; } = DefaultGrainStateContainer;

    /// <summary>Gets or sets the container for reminders (partition key <c>/pk</c>: a service id and a ring-hash bucket).</summary>
    public string ReminderContainer { get; set; } = DefaultReminderContainer;

    /// <summary>
    /// Gets or sets whether the database and containers are created at startup when missing. When false they
    /// must exist, and startup fails naming the missing one.
    /// </summary>
    public bool CreateIfNotExists { get; set; } = true;

    /// <summary>
    /// Gets or sets a hook that adjusts the <see cref="CosmosClientOptions"/> (connection mode, preferred regions,
    /// or, in tests only, an <see cref="CosmosClientOptions.HttpClientFactory"/> that trusts a test certificate).
    /// </summary>
    public Action<CosmosClientOptions>? ConfigureClient { get; set; }

    /// <summary>
    /// Gets or sets the serializer for grain state. When null, an <see cref="ExactSizeGrainStorageSerializer"/>
    /// over the silo's <c>Orleans.Serialization.Serializer</c> is used.
    /// </summary>
    public IGrainStorageSerializer? GrainStorageSerializer { get; set; }

    /// <summary>Gets or sets the silo lifecycle stage at which the grain storage checks (or creates) its container.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;
}
