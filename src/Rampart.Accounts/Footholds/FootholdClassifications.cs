namespace Rampart.Accounts.Footholds;

/// <summary>The words every output uses for a classification: text, JSON, HTML and the API say the same.</summary>
public static class FootholdClassifications
{
    public const string ContinuedAccessLabel = "access continued after reset";

    public static string Label(this FootholdClassification classification) => classification switch
    {
        FootholdClassification.SurvivesReset => "survives the password reset",
        FootholdClassification.CreatedAfterReset => "created after reset",
        FootholdClassification.OpenNoReset => "open, no password reset yet",
        FootholdClassification.PreExistingReview => "pre-existing access — review",
        FootholdClassification.Removed => "removed",
    };

    /// <summary>True for what the remediation plan must remove.</summary>
    public static bool NeedsRemoval(this FootholdClassification classification) =>
        classification is FootholdClassification.SurvivesReset or FootholdClassification.CreatedAfterReset or FootholdClassification.OpenNoReset;
}
