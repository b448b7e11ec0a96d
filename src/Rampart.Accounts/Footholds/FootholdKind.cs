namespace Rampart.Accounts.Footholds;

/// <summary>
/// Access that a password change or reset leaves in place. The built-in rules name these in their
/// tags (<c>rampart.foothold.inbox_rule</c>, <c>rampart.removes.inbox_rule</c>); see <see cref="FootholdKinds"/>.
/// </summary>
public enum FootholdKind
{
    InboxRule,
    MailboxForwarding,
    TransportRule,
    MailboxDelegate,
    FolderPermission,
    OAuthConsent,
    AppRoleAssignment,
    AppCredential,
    AppOwner,
    MfaMethod,
    Device,
    Impersonation,
    Federation,
}
