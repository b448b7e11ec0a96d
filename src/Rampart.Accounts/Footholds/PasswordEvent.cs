namespace Rampart.Accounts.Footholds;

/// <summary>A password change or reset, or a revocation of the account's sessions.</summary>
public sealed record PasswordEvent(ResetKind Kind, string Title, Evidence Evidence);
