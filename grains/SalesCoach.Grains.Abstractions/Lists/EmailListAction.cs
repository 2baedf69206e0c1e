namespace SalesCoach.Lists;

/// <summary>What a stage does with a contact on entry.</summary>
[GenerateSerializer]
public enum EmailListAction
{
    Subscribe,
    Unsubscribe,
}
