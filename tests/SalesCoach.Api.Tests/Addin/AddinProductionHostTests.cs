using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Addin;

/// <summary>
/// A host of its own in <c>Auth:Mode Production</c> serving a built pane from <c>Addin:Path</c>: the
/// pane learns the Entra app and scope it must sign in with, and the API accepts exactly the
/// audiences that nested app authentication puts into tokens for that app.
/// </summary>
public sealed class AddinProductionHostTests : IAsyncLifetime
{
    private const string ClientId = "3f1c2a9e-7b4d-4e8a-9c21-5d6e7f8a9b0c";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string AppIdUri = $"api://salescoach.contoso.com/{ClientId}";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "salescoach-addin-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("not started");

    public Task InitializeAsync()
    {
        var pane = Path.Combine(_directory, "pane");
        Directory.CreateDirectory(Path.Combine(pane, "assets"));
        File.WriteAllText(Path.Combine(pane, "taskpane.html"), "<!doctype html><title>SalesCoach</title>");
        File.WriteAllText(Path.Combine(pane, "assets", "taskpane-abc123.js"), "export {};");
        _factory = new SalesCoachApplicationFactory(Path.Combine(_directory, "salescoach.db"), TimeProvider.System)
            .WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Auth:Mode", "Production");
                builder.UseSetting("Auth:TenantId", TenantId);
                builder.UseSetting("Auth:Audience", AppIdUri);
                builder.UseSetting("Addin:Path", pane);
            });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Config_ProductionMode_GivesClientIdAuthorityAndTheApiScope()
    {
        using var client = Factory.CreateClient();

        var config = JsonNode.Parse(await (await client.GetAsync("/addin/config.json")).ShouldBeAsync(HttpStatusCode.OK))!;

        Assert.Equal("production", (string?)config["auth"]!["mode"]);
        Assert.Equal(ClientId, (string?)config["auth"]!["clientId"]);
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}", (string?)config["auth"]!["authority"]);
        Assert.Equal([$"{AppIdUri}/access_as_user"], config["auth"]!["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Null(config["auth"]!["users"]);
    }

    [Fact]
    public void Tokens_ProductionMode_AcceptTheAppIdUriAndTheClientIdFromEitherIssuer()
    {
        var options = Factory.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal(AppIdUri, options.Audience);
        Assert.Equal(new[] { AppIdUri, ClientId }, options.TokenValidationParameters.ValidAudiences);
        Assert.Equal(
            new[] { $"https://login.microsoftonline.com/{TenantId}/v2.0", $"https://sts.windows.net/{TenantId}/" },
            options.TokenValidationParameters.ValidIssuers);
    }

    [Fact]
    public async Task Files_FromAddinPath_AreServedWithFreshPagesAndImmutableAssets()
    {
        using var client = Factory.CreateClient();

        using var page = await client.GetAsync("/addin/taskpane.html");
        using var asset = await client.GetAsync("/addin/assets/taskpane-abc123.js");
        using var missing = await client.GetAsync("/addin/nothing.html");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Api_ProductionModeWithoutToken_Returns401()
    {
        using var client = Factory.CreateClient();

        await (await client.GetAsync("/api/leads/by-email?email=a@b.example")).ReadErrorsAsync(HttpStatusCode.Unauthorized);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        TempDirectory.Delete(_directory);
    }
}
