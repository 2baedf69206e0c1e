namespace SalesCoach.Reps;

/// <summary>Every rep's profile by id.</summary>
[GenerateSerializer]
public sealed class RepRosterState
{
    [Id(0)] public Dictionary<string, RepProfile> Reps { get; set; } = [];
}
