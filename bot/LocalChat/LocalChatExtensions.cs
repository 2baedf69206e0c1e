using System.Net;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Reps;

namespace SalesCoach.Bot.LocalChat;

/// <summary>Hosting for the local chat: the Direct Line endpoint, its sender, and the <c>/chat</c> page with Web Chat.</summary>
public static class LocalChatExtensions
{
    public const string CorsPolicy = "local-chat";

    /// <summary>On unless <c>LocalChat:Enabled</c> is false; it only ever answers loopback callers.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("LocalChat:Enabled", true);

    public static IHostApplicationBuilder AddLocalChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChatConversations>();
        builder.Services.AddSingleton<IActivitySender, LocalChatSender>();
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.IsLoopback)
            .AllowAnyHeader().AllowAnyMethod()));
        return builder;
    }

    public static WebApplication MapLocalChat(this WebApplication app)
    {
        app.UseCors();
        app.MapDirectLine();
        app.MapGet("/chat", (HttpContext context) => context.Request.Path.Value!.EndsWith('/')
            ? Results.File(Path.Combine(app.Environment.WebRootPath, "chat", "index.html"), "text/html")
            : Results.Redirect("/chat/" + context.Request.QueryString)).ExcludeFromDescription();
        app.MapGet("/chat/reps.json", async (HttpContext context, IGrainFactory grains) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is not null && !IPAddress.IsLoopback(remote))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var reps = await grains.GetGrain<IRepRosterGrain>(IRepRosterGrain.DefaultKey).ListAsync();
            return Results.Json(reps.Select(r => new { r.Id, r.Name, r.Roles }));
        }).ExcludeFromDescription();
        return app;
    }
}
