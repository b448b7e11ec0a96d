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
