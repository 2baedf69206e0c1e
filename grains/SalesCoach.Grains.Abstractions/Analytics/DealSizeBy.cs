namespace SalesCoach.Analytics;

/// <summary>The dimension a deal-size breakdown groups by.</summary>
[GenerateSerializer]
public enum DealSizeBy
{
    Rep = 0,
    Team = 1,
    Product = 2,
    Territory = 3,
    Source = 4,
}
