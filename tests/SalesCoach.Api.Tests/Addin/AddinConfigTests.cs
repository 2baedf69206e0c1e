using System.Net;
using System.Text.Json.Nodes;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Addin;

/// <summary><c>GET /addin/config.json</c> on the embedded default (Auth:Mode Development).</summary>
[Collection(HostCollection.Name)]
public sealed class AddinConfigTests(SalesCoachHostFixture host)
{
    [Fact]
    public async Task Config_DevelopmentMode_NamesTheHeaderAndTheSampleTeam()
    {
        using var response = await host.Anonymous().GetAsync("/addin/config.json");
        var config = JsonNode.Parse(await response.ShouldBeAsync(HttpStatusCode.OK))!;

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("/api", (string?)config["apiBase"]);
        Assert.Equal("development", (string?)config["auth"]!["mode"]);
        Assert.Equal("X-SalesCoach-User", (string?)config["auth"]!["userHeader"]);
        var users = config["auth"]!["users"]!.AsArray().Select(u => (string?)u!["id"]).ToList();
        Assert.Superset(new HashSet<string?> { "maria", "ana", "bo", "chen", "admin" }, users.ToHashSet());
        Assert.Equal("ana@contoso.example", (string?)config["auth"]!["users"]!.AsArray().Single(u => (string?)u!["id"] == "ana")!["email"]);
        Assert.Null(config["auth"]!["clientId"]);
    }

    [Fact]
    public async Task AddinRoot_RedirectsToTheTaskPane()
    {
        using var response = await host.Anonymous().GetAsync("/addin/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/addin/taskpane.html", response.Headers.Location?.OriginalString);
    }
}
