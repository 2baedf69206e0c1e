namespace SalesCoach.Leads;

/// <summary>How a lead left a stage: its goal was met, a person moved it, or it closed.</summary>
[GenerateSerializer]
public enum StageExit
{
    Goal = 0,
    Manual = 1,
    Won = 2,
    Lost = 3,
}
