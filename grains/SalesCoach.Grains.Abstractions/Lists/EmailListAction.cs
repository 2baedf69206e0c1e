namespace SalesCoach.Lists;

/// <summary>What a stage does with a contact on entry.</summary>
public enum EmailListAction
{
    Subscribe,
    Unsubscribe,
}
