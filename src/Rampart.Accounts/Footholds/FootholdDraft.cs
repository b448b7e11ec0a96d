namespace Rampart.Accounts.Footholds;

/// <summary>
/// What one record says about a foothold it creates or removes: whose account, its identity key,
/// words for people, and the parts the removal command needs (mailbox, name, folder, user, id…).
/// </summary>
internal sealed record FootholdDraft(
    FootholdKind Kind,
    string Account,
    string Key,
    string Description,
    string? Target,
    IReadOnlyList<string> Addresses,
    string? AppId,
    IReadOnlyDictionary<string, string> Parts);
