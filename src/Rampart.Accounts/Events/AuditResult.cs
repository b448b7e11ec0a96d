namespace Rampart.Accounts.Events;

/// <summary>
/// The outcome of the audited action, one value for the many spellings the sources use
/// (True, Succeeded, Success, success, 0 for sign-ins; False, Failed, failure, an error code).
/// </summary>
public enum AuditResult
{
    /// <summary>The record does not say, or says something we do not recognise.</summary>
    Unknown,
    Success,
    Failure,
    PartialSuccess,
}
