using Rampart.Accounts.Events;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Result spellings across the sources: UAL <c>ResultStatus</c> (Succeeded, Success, True, Failed,
/// False, PartiallySucceeded), Graph <c>result</c> (success, failure, timeout), and sign-in error
/// codes (0 is success, anything else a failure).
/// </summary>
public static class ResultStatus
{
    public static AuditResult Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            return AuditResult.Unknown;
        }

        if (long.TryParse(text, out var code))
        {
            return code == 0 ? AuditResult.Success : AuditResult.Failure;
        }

        foreach (var (spelling, result) in Spellings)
        {
            if (text.Equals(spelling, StringComparison.OrdinalIgnoreCase))
            {
                return result;
            }
        }

        return AuditResult.Unknown;
    }

    /// <summary>
    /// The field of a normalized Unified Audit Log record that holds <see cref="Outcome"/>. Not
    /// <c>status</c>: alerts have a <c>Status</c> of their own (Active, Resolved).
    /// </summary>
    public const string OutcomeField = "Outcome";

    /// <summary>
    /// The outcome as SigmaHQ's m365 rules test it (<c>status: success</c>): their field mapping
    /// (Cloud App Security's) wrote it in lower case, where Unified Audit Log records spell
    /// <c>ResultStatus</c> Succeeded, Success or True. PartiallySucceeded is a success here: the action
    /// took effect on some of its targets, and a detection must not miss it for that (the typed
    /// <see cref="AuditResult.PartialSuccess"/> keeps the difference). Null when the outcome is unknown.
    /// </summary>
    public static string? Outcome(AuditResult result) => result switch
    {
        AuditResult.Success or AuditResult.PartialSuccess => "success",
        AuditResult.Failure => "failure",
        AuditResult.Unknown => null,
    };

    private static readonly (string Spelling, AuditResult Result)[] Spellings =
    [
        ("Succeeded", AuditResult.Success),
        ("Success", AuditResult.Success),
        ("Successful", AuditResult.Success),
        ("True", AuditResult.Success),
        ("Failed", AuditResult.Failure),
        ("Failure", AuditResult.Failure),
        ("Fail", AuditResult.Failure),
        ("False", AuditResult.Failure),
        ("Timeout", AuditResult.Failure),
        ("PartiallySucceeded", AuditResult.PartialSuccess),
        ("PartialSuccess", AuditResult.PartialSuccess),
    ];
}
