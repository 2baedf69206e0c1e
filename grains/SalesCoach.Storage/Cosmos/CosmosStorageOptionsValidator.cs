using Microsoft.Extensions.Options;

namespace SalesCoach.Storage.Cosmos;

/// <summary>
/// Validates <see cref="CosmosStorageOptions"/>, by name, before a provider connects.
/// </summary>
public sealed class CosmosStorageOptionsValidator : IValidateOptions<CosmosStorageOptions>
{
    // Cosmos DB resource names may not contain these, nor end with a space, and are at most 255 characters.
    private static readonly char[] ForbiddenInNames = ['/', '\\', '?', '#'];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CosmosStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var subject = string.IsNullOrEmpty(name) ? nameof(CosmosStorageOptions) : $"{nameof(CosmosStorageOptions)} '{name}'";
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"{subject}: {nameof(options.Endpoint)} is required; set it to the account endpoint, e.g. \"https://contoso.documents.azure.com:443/\".");
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{subject}: {nameof(options.Endpoint)} '{options.Endpoint}' is not an absolute https URL.");
        }

        if (string.IsNullOrEmpty(options.Key) && options.Credential is null)
        {
            failures.Add($"{subject}: set {nameof(options.Key)} (the account key) or {nameof(options.Credential)} (a Microsoft Entra credential).");
        }
        else if (!string.IsNullOrEmpty(options.Key) && !IsBase64(options.Key))
        {
            failures.Add($"{subject}: {nameof(options.Key)} is not base64; copy the account's primary or secondary key.");
        }

        CheckName(failures, subject, nameof(options.Database), options.Database);
        CheckName(failures, subject, nameof(options.GrainStateContainer), options.GrainStateContainer);
        CheckName(failures, subject, nameof(options.ReminderContainer), options.ReminderContainer);
        if (string.Equals(options.GrainStateContainer, options.ReminderContainer, StringComparison.Ordinal))
        {
            failures.Add($"{subject}: {nameof(options.GrainStateContainer)} and {nameof(options.ReminderContainer)} must differ; their partition keys differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> is invalid.</summary>
    public static void ThrowIfInvalid(string? name, CosmosStorageOptions options)
    {
        var result = new CosmosStorageOptionsValidator().Validate(name, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(name ?? Options.DefaultName, typeof(CosmosStorageOptions), result.Failures);
        }
    }

    private static void CheckName(List<string> failures, string subject, string property, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{subject}: {property} is required.");
        }
        else if (value.Length > 255 || value.IndexOfAny(ForbiddenInNames) >= 0 || value.EndsWith(' '))
        {
            failures.Add($"{subject}: {property} '{value}' is not a valid Cosmos DB name (at most 255 characters, none of / \\ ? #, no trailing space).");
        }
    }

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[Math.Min(value.Length, 1024)];
        return value.Length <= 1024
            ? Convert.TryFromBase64String(value, buffer, out _)
            : Convert.TryFromBase64String(value, new byte[value.Length], out _);
    }
}
