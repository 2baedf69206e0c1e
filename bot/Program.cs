using SalesCoach.Bot.Extensions;
using SalesCoach.Bot.Simulation;

if (args is ["simulate", .. var simulateArgs])
{
    return await SimulateCommand.RunAsync(simulateArgs);
}

// Content (wwwroot, appsettings) comes from the output folder, so the host runs the same from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.UseDefaultUrl();

builder.AddSalesCoachSilo();
builder.AddSalesCoachIntegrations();
builder.AddSalesCoachAuth();
builder.AddSalesCoachApi();
builder.AddSalesCoachBot();

var app = builder.Build();

app.UseSalesCoachApi();
app.MapSalesCoachBot();
app.Run();
return 0;

/// <summary>The host's entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
