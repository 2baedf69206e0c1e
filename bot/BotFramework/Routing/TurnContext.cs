using System.Text.Json.Nodes;
using SalesCoach.Bot.BotFramework.Schema;

namespace SalesCoach.Bot.BotFramework.Routing;

/// <summary>One incoming activity being handled: what arrived, how to answer it, and the invoke response to return.</summary>
public sealed class TurnContext(Activity activity, IActivitySender sender, IServiceProvider services)
{
    public Activity Activity { get; } = activity;

    public IServiceProvider Services { get; } = services;

    /// <summary>For invokes: what the HTTP response carries (set by the handler).</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Activities sent during this turn, in order (for tests and logs).</summary>
    public List<Activity> Sent { get; } = [];

    public async Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        Sent.Add(reply);
        return await sender.SendAsync(reply, cancellationToken);
    }

    public Task<ResourceResponse> ReplyTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(Activity.CreateReply(text), cancellationToken);

    public Task<ResourceResponse> ReplyCardAsync(JsonNode card, CancellationToken cancellationToken)
    {
        var reply = Activity.CreateReply();
        reply.Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }];
        return SendAsync(reply, cancellationToken);
    }

    /// <summary>Replaces an activity the bot sent earlier (a card after an <c>Action.Submit</c>).</summary>
    public Task UpdateAsync(string activityId, Activity updated, CancellationToken cancellationToken)
    {
        updated.Id = activityId;
        return sender.UpdateAsync(updated, cancellationToken);
    }
}
