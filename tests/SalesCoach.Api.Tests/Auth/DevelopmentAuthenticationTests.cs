using System.Net;
using Microsoft.AspNetCore.Http;
using SalesCoach.Api.Tests.Infrastructure;

namespace SalesCoach.Api.Tests.Auth;

/// <summary>The development header <c>X-SalesCoach-User</c>: believed only from loopback (API.md "Who is calling").</summary>
[Collection(HostCollection.Name)]
public sealed class DevelopmentAuthenticationTests(SalesCoachHostFixture host)
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Header_FromLoopback_NamesTheCaller(string address)
    {
        var context = await GetPipelinesAsync(address, "ana");

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("2001:db8::1")]
    public async Task Header_FromAnotherAddress_Returns401(string address)
    {
        var context = await GetPipelinesAsync(address, SalesCoachHostFixture.Admin);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
    }

    [Fact]
    public async Task Header_FromAnotherAddress_CannotChangeAPipeline()
    {
        var pipeline = PipelineBuilder.Sales();
        var context = await host.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
            c.Request.Method = HttpMethods.Put;
            c.Request.Path = $"/api/pipelines/{pipeline.Id}";
            c.Request.Headers["X-SalesCoach-User"] = SalesCoachHostFixture.Admin;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pipeline.Build().ToJsonString()));
        });

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        await (await host.As(SalesCoachHostFixture.Admin).GetAsync($"/api/pipelines/{pipeline.Id}")).ShouldBeAsync(HttpStatusCode.NotFound);
    }

    private Task<HttpContext> GetPipelinesAsync(string address, string caller) => host.Server.SendAsync(c =>
    {
        c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        c.Request.Method = HttpMethods.Get;
        c.Request.Path = "/api/pipelines";
        c.Request.Headers["X-SalesCoach-User"] = caller;
    });
}
