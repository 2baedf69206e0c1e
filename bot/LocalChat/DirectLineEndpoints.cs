using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Bot.Api;
using SalesCoach.Bot.BotFramework;
using SalesCoach.Bot.BotFramework.Routing;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.LocalChat;

/// <summary>
/// The Direct Line 3.0 calls Web Chat makes (tokens, start a conversation, poll and post
/// activities), answered by this host on loopback and bridged into the same
/// <see cref="BotProcessor"/> as Teams' <c>/api/messages</c>.
/// </summary>
public static class DirectLineEndpoints
{
    private const int TokenSeconds = 3600;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").AddEndpointFilter(LoopbackOnly).RequireCors(LocalChatExtensions.CorsPolicy)
            .ExcludeFromDescription();
        group.MapPost("/tokens/generate", GenerateToken);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{id}", Reconnect);
        group.MapGet("/conversations/{id}/activities", GetActivities);
        group.MapPost("/conversations/{id}/activities", PostActivityAsync);
        return app;
    }

    /// <summary>Creates a chat for a rep (Web Chat calls this before it connects). Body: <c>{"user":{"id","name"}}</c>.</summary>
    private static async Task<IResult> GenerateToken(HttpRequest request, ChatConversations conversations)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, whenEmpty: new JsonObject());
        if (error is not null)
        {
            return error;
        }

        var user = body!["user"];
        var userId = user?["id"]?.GetValue<string>();
        if (!Ids.IsValid(userId))
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, [new Common.Problem("user.id", $"is required: the rep to chat as ({Ids.Rule})")]);
        }

        var conversation = conversations.Start(userId!, user?["name"]?.GetValue<string>());
        return Results.Json(TokenBody(conversation));
    }

    private static IResult RefreshToken(HttpRequest request, ChatConversations conversations)
    {
        if (Authorize(request, conversations, null) is not { } conversation)
        {
            return Unauthorized();
        }

        conversation.Token = ChatConversations.NewToken();
        return Results.Json(TokenBody(conversation));
    }

    private static async Task<IResult> StartConversationAsync(HttpContext context, ChatConversations conversations, BotProcessor bot, TimeProvider time)
    {
        if (Authorize(context.Request, conversations, null) is not { } conversation)
        {
            return Unauthorized();
        }

        if (conversation.All().Count == 0)
        {
            // As Direct Line does: the bot hears that the rep joined, so it can greet and remember the chat.
            await bot.ProcessAsync(Inbound(conversation, new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                MembersAdded = [new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName }],
            }, time), context.RequestAborted);
        }

        return Results.Json(TokenBody(conversation), statusCode: StatusCodes.Status201Created);
    }

    private static IResult Reconnect(string id, HttpRequest request, ChatConversations conversations) =>
        Authorize(request, conversations, id) is { } conversation ? Results.Json(TokenBody(conversation)) : Unauthorized();

    private static IResult GetActivities(string id, string? watermark, HttpRequest request, ChatConversations conversations)
    {
        if (Authorize(request, conversations, id) is not { } conversation)
        {
            return Unauthorized();
        }

        var (activities, next) = conversation.Since(int.TryParse(watermark, out var w) ? w : 0);
        return Results.Json(new { activities, watermark = next.ToString(System.Globalization.CultureInfo.InvariantCulture) }, BotJson.Options);
    }

    private static async Task<IResult> PostActivityAsync(string id, HttpContext context, ChatConversations conversations, BotProcessor bot, TimeProvider time)
    {
        if (Authorize(context.Request, conversations, id) is not { } conversation)
        {
            return Unauthorized();
        }

        var (posted, error) = await ActivityBody.ReadAsync(context.Request, RequestBody.CommandLimit);
        if (error is not null)
        {
            return error;
        }

        if (posted is null)
        {
            return ErrorResponse.Result(StatusCodes.Status400BadRequest, "an activity is required");
        }

        var activity = Inbound(conversation, posted, time);
        conversation.Add(activity, time.GetUtcNow());
        await bot.ProcessAsync(activity, context.RequestAborted);
        return Results.Json(new ResourceResponse { Id = activity.Id }, BotJson.Options);
    }

    /// <summary>Stamps an activity from the chat page with who really sent it (the token's rep, whatever the page claims) and where.</summary>
    private static Activity Inbound(ChatConversation conversation, Activity activity, TimeProvider time)
    {
        activity.Id = null;
        activity.ChannelId = LocalChatChannel.ChannelId;
        activity.ServiceUrl = LocalChatChannel.ServiceUrl;
        activity.From = new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName, Role = "user" };
        activity.Recipient = new ChannelAccount { Id = LocalChatChannel.BotId, Name = LocalChatChannel.BotName, Role = "bot" };
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.Timestamp = time.GetUtcNow();
        activity.Type ??= ActivityTypes.Message;
        return activity;
    }

    private static ChatConversation? Authorize(HttpRequest request, ChatConversations conversations, string? conversationId)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var conversation = conversations.FindByToken(token);
        return conversation is not null && (conversationId is null || conversation.Id == conversationId) ? conversation : null;
    }

    private static object TokenBody(ChatConversation conversation) =>
        new { conversationId = conversation.Id, token = conversation.Token, expires_in = TokenSeconds };

    private static IResult Unauthorized() =>
        ErrorResponse.Result(StatusCodes.Status401Unauthorized, "an unknown or expired local chat token");

    /// <summary>The local chat is for whoever sits at this machine: it answers loopback callers only.</summary>
    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote)
            ? await next(context)
            : ErrorResponse.Result(StatusCodes.Status403Forbidden, "the local chat answers loopback only");
    }
}
