using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>
/// One in-memory host shared by every HTTP test class (a silo takes seconds to start). Tests stay
/// independent by using ids of their own (<see cref="UniqueId"/>); business time is a
/// <see cref="FakeTimeProvider"/> that only moves when a test moves it.
/// </summary>
public sealed class SalesCoachHostFixture : InMemoryHostFixture
{
    /// <summary>The caller that <c>Auth:Admins</c> makes an administrator by default.</summary>
    public const string Admin = "admin";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (!File.Exists(DatabasePath))
        {
            throw new InvalidOperationException($"the host did not take its settings: no database at {DatabasePath}");
        }
    }

    protected override WebApplicationFactory<Program> CreateFactory() => new SalesCoachApplicationFactory(DatabasePath, Clock);
}
