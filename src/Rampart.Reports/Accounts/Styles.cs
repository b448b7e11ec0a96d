using Rampart.Accounts.Footholds;

namespace Rampart.Reports.Accounts;

/// <summary>The report style class of each classification: what needs removing is red, what needs a look amber, what is done green.</summary>
public static class Styles
{
    public static string Of(FootholdClassification classification) => classification switch
    {
        FootholdClassification.SurvivesReset or FootholdClassification.CreatedAfterReset or FootholdClassification.OpenNoReset => "open",
        FootholdClassification.PreExistingReview => "sev-medium",
        FootholdClassification.Removed => "done",
    };
}
