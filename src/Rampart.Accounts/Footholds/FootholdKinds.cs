namespace Rampart.Accounts.Footholds;

/// <summary>The tag word of each kind (<c>rampart.foothold.&lt;word&gt;</c>) and how people read it.</summary>
public static class FootholdKinds
{
    public static string TagWord(this FootholdKind kind) => kind switch
    {
        FootholdKind.InboxRule => "inbox_rule",
        FootholdKind.MailboxForwarding => "mailbox_forwarding",
        FootholdKind.TransportRule => "transport_rule",
        FootholdKind.MailboxDelegate => "mailbox_delegate",
        FootholdKind.FolderPermission => "folder_permission",
        FootholdKind.OAuthConsent => "oauth_consent",
        FootholdKind.AppRoleAssignment => "app_role_assignment",
        FootholdKind.AppCredential => "app_credential",
        FootholdKind.AppOwner => "app_owner",
        FootholdKind.MfaMethod => "mfa_method",
        FootholdKind.Device => "device",
        FootholdKind.Impersonation => "impersonation",
        FootholdKind.Federation => "federation",
    };

    public static string Noun(this FootholdKind kind) => kind switch
    {
        FootholdKind.InboxRule => "inbox rule",
        FootholdKind.MailboxForwarding => "mailbox forwarding",
        FootholdKind.TransportRule => "transport rule",
        FootholdKind.MailboxDelegate => "mailbox delegate",
        FootholdKind.FolderPermission => "folder permission",
        FootholdKind.OAuthConsent => "OAuth consent",
        FootholdKind.AppRoleAssignment => "app role assignment",
        FootholdKind.AppCredential => "app credential",
        FootholdKind.AppOwner => "app owner",
        FootholdKind.MfaMethod => "authentication method",
        FootholdKind.Device => "registered device",
        FootholdKind.Impersonation => "ApplicationImpersonation",
        FootholdKind.Federation => "domain federation",
    };

    public static bool TryParseTagWord(ReadOnlySpan<char> word, out FootholdKind kind)
    {
        foreach (var candidate in Enum.GetValues<FootholdKind>())
        {
            if (word.Equals(candidate.TagWord(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
