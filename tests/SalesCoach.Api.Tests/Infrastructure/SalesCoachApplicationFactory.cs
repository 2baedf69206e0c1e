using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesCoach.Common;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>
/// The real host in memory: SQLite in a file of its own, its own silo and gateway ports, the
/// sample data seeded, and business time from the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class SalesCoachApplicationFactory(string databasePath, TimeProvider time) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var ports = FreeTcpPorts.Take(2);
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:Sqlite:Path", databasePath);
        builder.UseSetting("Orleans:SiloPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Seed:Sample", "true");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<SalesClock>();
            services.AddSingleton(new SalesClock(time));
        });
    }
}
