namespace SalesCoach.DirectorySync;

/// <summary>A directory call that did not succeed, classified so callers need not know the provider (Graph) or its errors.</summary>
public sealed class DirectoryException(DirectoryFailure failure, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DirectoryFailure Failure { get; } = failure;

    /// <summary>For <see cref="DirectoryFailure.Unavailable"/>: how long the service asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
