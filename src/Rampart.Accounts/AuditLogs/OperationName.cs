namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Operation names as exports spell them: Entra writes <c>Consent to application.</c> with a
/// trailing dot and <c>Update application – Certificates and secrets management </c> with a
/// trailing space. The typed operation drops both; rules still see the record's own spelling
/// (SigmaHQ rules match <c>Disable Strong Authentication.</c> with its dot).
/// </summary>
public static class OperationName
{
    public static string? Normalize(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var span = name.AsSpan().Trim();
        while (!span.IsEmpty && span[^1] == '.')
        {
            span = span[..^1].TrimEnd();
        }

        return span.IsEmpty ? null : span.Length == name.Length ? name : span.ToString();
    }
}
