using System.Collections.Concurrent;
using SalesCoach.Lists;

namespace SalesCoach.Grains.Tests.Infrastructure;

/// <summary>An <see cref="IEmailLists"/> that remembers every call and answers with scripted results per address.</summary>
public sealed class RecordingEmailLists : IEmailLists
{
    private readonly ConcurrentQueue<EmailListOperation> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<EmailListResult>> scripted = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<EmailListOperation> Calls => [.. calls];

    public IReadOnlyList<EmailListOperation> CallsFor(string leadId) => [.. calls.Where(c => c.LeadId == leadId)];

    /// <summary>The next calls for this address answer these results, in order; then <see cref="EmailListResult.Applied"/>.</summary>
    public void Script(string email, params EmailListResult[] results) =>
        scripted[email] = new ConcurrentQueue<EmailListResult>(results);

    public Task<EmailListResult> ApplyAsync(EmailListOperation operation, CancellationToken cancellationToken)
    {
        calls.Enqueue(operation);
        return Task.FromResult(scripted.TryGetValue(operation.Email, out var queue) && queue.TryDequeue(out var result)
            ? result
            : EmailListResult.Applied);
    }
}
