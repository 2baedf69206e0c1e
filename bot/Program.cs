using SalesCoach.Bot.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultUrl();

builder.AddSalesCoachSilo();
builder.AddSalesCoachAuth();
builder.AddSalesCoachApi();

var app = builder.Build();

app.UseSalesCoachApi();
app.Run();

/// <summary>The host's entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in tests.</summary>
public partial class Program;
