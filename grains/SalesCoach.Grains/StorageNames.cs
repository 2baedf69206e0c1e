namespace SalesCoach;

/// <summary>The named grain-storage providers the grains use; the host registers each one.</summary>
public static class StorageNames
{
    public const string Pipelines = "pipelines";
    public const string Leads = "leads";
    public const string Reps = "reps";
    public const string Directory = "directory";
    public const string Analytics = "analytics";

    /// <summary>Every name, so the host can register them all with the configured provider.</summary>
    public static IReadOnlyList<string> All { get; } = [Pipelines, Leads, Reps, Directory, Analytics];
}
