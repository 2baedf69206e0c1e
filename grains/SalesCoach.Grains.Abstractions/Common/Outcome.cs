namespace SalesCoach.Common;

/// <summary>
/// The result of a grain command. Expected failures (bad input, unknown id, not allowed,
/// conflicting state) travel as values, not exceptions, so nothing is half-written and the
/// host can answer with the right status and every problem at once.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>(
    [property: Id(0)] OutcomeStatus Status,
    [property: Id(1)] T? Value,
    [property: Id(2)] IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Status is OutcomeStatus.Ok or OutcomeStatus.Created;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, []);

    public static Outcome<T> Created(T value) => new(OutcomeStatus.Created, value, []);

    public static Outcome<T> Invalid(IReadOnlyList<Problem> problems) => new(OutcomeStatus.Invalid, default, problems);

    public static Outcome<T> Invalid(string path, string message) => Invalid([new Problem(path, message)]);

    public static Outcome<T> NotFound(string message) => new(OutcomeStatus.NotFound, default, [new Problem("", message)]);

    public static Outcome<T> Forbidden(string message) => new(OutcomeStatus.Forbidden, default, [new Problem("", message)]);

    public static Outcome<T> Conflict(string message) => new(OutcomeStatus.Conflict, default, [new Problem("", message)]);

    /// <summary>Carries a failure over to another value type.</summary>
    public Outcome<TOther> As<TOther>() => new(Status, default, Problems);
}
