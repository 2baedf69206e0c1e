using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Storage;
using SalesCoach.Storage.Sqlite;

namespace SalesCoach.Storage.Tests.Sqlite;

public sealed class HostingExtensionsTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public void AddSqliteGrainStorage_ValidOptions_ResolvesSqliteGrainStorageByName()
    {
        using var host = BuildHost(silo => silo.AddSqliteGrainStorage("leads", o => o.Path = _database.FilePath));

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("leads");

        Assert.IsType<SqliteGrainStorage>(storage);
    }

    [Fact]
    public async Task AddSqliteGrainStorage_MissingPath_FailsHostStartNamingThePath()
    {
        using var host = BuildHost(silo => silo.AddSqliteGrainStorage("leads", _ => { }));

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SqliteStorageOptions 'leads': Path is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseSqliteReminderService_ValidOptions_ResolvesSqliteReminderTable()
    {
        using var host = BuildHost(silo => silo.UseSqliteReminderService(o => o.Path = _database.FilePath));

        var table = host.Services.GetRequiredService<IReminderTable>();

        Assert.IsType<SqliteReminderTable>(table);
    }

    [Fact]
    public async Task UseSqliteReminderService_MissingPath_FailsHostStart()
    {
        using var host = BuildHost(silo => silo.UseSqliteReminderService(_ => { }));

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Path is required", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    // Built, not started: resolving services exercises the registrations without opening a silo.
    private static IHost BuildHost(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            configure(silo);
        });
        return builder.Build();
    }
}
