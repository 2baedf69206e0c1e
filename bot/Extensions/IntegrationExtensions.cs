using SalesCoach.Bot.Integrations.Graph;
using SalesCoach.Bot.Integrations.Mailchimp;
using SalesCoach.DirectorySync;
using SalesCoach.Lists;

namespace SalesCoach.Bot.Extensions;

/// <summary>The company's tools behind the domain's ports, each switched on by its own configuration section.</summary>
public static class IntegrationExtensions
{
    public static IHostApplicationBuilder AddSalesCoachIntegrations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailListOptions>().BindConfiguration(EmailListOptions.Section);
        builder.Services.AddOptions<MailchimpOptions>().BindConfiguration(MailchimpOptions.Section)
            .Validate(o => !o.IsConfigured || o.Root() is not null, "Mailchimp:ApiKey must end in its data center (…-us21) unless Mailchimp:BaseUrl is set")
            .ValidateOnStart();
        builder.Services.AddHttpClient(MailchimpEmailLists.HttpClientName);
        builder.Services.AddSingleton<IEmailLists, MailchimpEmailLists>();
        builder.Services.AddHealthChecks().AddCheck<MailchimpHealthCheck>("mailchimp").AddCheck<GraphHealthCheck>("graph");

        builder.Services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        builder.Services.AddSingleton<DirectorySynchronizer>();
        builder.Services.AddSingleton<Api.EmailServerCopy>();
        builder.Services.AddSingleton<TenantBotConnector>();
        builder.Services.AddSingleton<ITeamsAppInstaller, GraphTeamsAppInstaller>();
        builder.Services.AddSingleton<ProactiveReach>();
        builder.Services.AddHostedService<DirectorySyncService>();
        var graph = builder.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new();
        builder.Services.AddSingleton<IDirectory>(_ => new GraphDirectory(graph.IsConfigured ? GraphDirectory.CreateClient(graph, GraphDirectory.Credential(graph)) : null));
        return builder;
    }
}
