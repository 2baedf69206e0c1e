namespace SalesCoach.Common;

/// <summary>
/// The domain's clock: due dates, reminders and history read time here. It is separate from the
/// silo's own <see cref="TimeProvider"/> so tests can move business time by days
/// (FakeTimeProvider) without moving Orleans' membership and collection timers with it.
/// </summary>
public sealed class SalesClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();
}
