namespace Rampart.Accounts.Footholds;

/// <summary>How a password was replaced, or that sessions were revoked (tags <c>rampart.reset.*</c>, <c>rampart.revoke</c>).</summary>
public enum ResetKind
{
    UserChange,
    AdminReset,
    SelfService,
    SessionsRevoked,
}
