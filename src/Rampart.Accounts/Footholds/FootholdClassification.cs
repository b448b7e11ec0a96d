namespace Rampart.Accounts.Footholds;

/// <summary>Where a foothold stands against the account's compromise window and its last password reset.</summary>
public enum FootholdClassification
{
    /// <summary>Created in the compromise window (or from a suspicious address or app) before the last reset, still in place.</summary>
    SurvivesReset,

    /// <summary>Created after the last reset: the intruder is still in.</summary>
    CreatedAfterReset,

    /// <summary>Created in the compromise window and still in place, with no reset yet.</summary>
    OpenNoReset,

    /// <summary>Predates any sign of compromise, or the account shows none: for a person to review, never called a compromise.</summary>
    PreExistingReview,

    /// <summary>Removed; the record that removed it is the evidence.</summary>
    Removed,
}
