namespace SalesCoach.Assignment;

/// <summary>Round-robin positions, keyed by rule (its index and candidates, so an edited rule starts afresh).</summary>
[GenerateSerializer]
public sealed class AssignmentState
{
    [Id(0)] public Dictionary<string, int> Cursors { get; set; } = [];
}
