namespace Rampart.Core.Cases;

/// <summary>What a status change did.</summary>
public enum StatusChangeOutcome
{
    Changed,

    /// <summary>No case has that id.</summary>
    NotFound,

    /// <summary>The workflow does not allow that move from the case's current status; nothing changed.</summary>
    NotAllowed,
}
