using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SalesCoach.Bot.Tests.Infrastructure;

/// <summary>A signing key of our own, published the way the Bot Framework publishes its keys, and tokens signed with it.</summary>
public sealed class TestTokens
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key-1" };

    /// <summary>The JWKS document with the public key.</summary>
    public string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E } } });
    }

    public string Create(
        string? audience = AppId, string issuer = Issuer, string? serviceUrl = "https://smba.trafficmanager.net/teams/",
        DateTime? expires = null, bool sign = true)
    {
        var claims = new List<Claim>();
        if (serviceUrl is not null)
        {
            claims.Add(new Claim("serviceurl", serviceUrl));
        }

        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = (expires ?? now.AddHours(1)) < now ? now.AddHours(-2) : now.AddMinutes(-1),
            IssuedAt = (expires ?? now.AddHours(1)) < now ? now.AddHours(-2) : now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = sign ? new SigningCredentials(key, SecurityAlgorithms.RsaSha256) : null,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
