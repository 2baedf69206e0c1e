using System.Net;
using System.Text.Json;
using SalesCoach.Api.Tests.Contract;
using Xunit.Sdk;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>Assertions on responses that show the body when the status is not the expected one.</summary>
public static class ApiResponses
{
    /// <summary>Asserts the status and reads the body as <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.ShouldBeAsync(expected);
        return ApiJson.Read<T>(body);
    }

    /// <summary>Asserts the status; returns the body text.</summary>
    public static async Task<string> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                throw new XunitException(
                    $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}\n{body}");
            }

            return body;
        }
    }

    /// <summary>Asserts the status and that the body is exactly the error shape <c>{"errors":[{"path","message"}]}</c>; returns the problems.</summary>
    public static async Task<IReadOnlyList<ProblemDto>> ReadErrorsAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = await response.ShouldBeAsync(expected);
        Assert.Equal("application/json", mediaType);

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["errors"], root.EnumerateObject().Select(p => p.Name));
        var errors = root.GetProperty("errors");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.NotEqual(0, errors.GetArrayLength());
        foreach (var error in errors.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, error.GetProperty("path").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), $"an error without a message: {error}");
        }

        return ApiJson.Read<ErrorBodyDto>(body).Errors;
    }
}
