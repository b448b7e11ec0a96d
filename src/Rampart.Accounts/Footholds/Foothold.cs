namespace Rampart.Accounts.Footholds;

/// <summary>
/// One piece of access that outlives a password, as state: created by a record, closed by a later
/// record that removes the same thing (same <see cref="Kind"/> and <see cref="Key"/>).
/// </summary>
/// <param name="Key">The identity: the rule's mailbox and name, the app's id, the delegate and right, the method, the device.</param>
/// <param name="Target">Where it sends or who it lets in (a forwarding address, a delegate, an app), when known.</param>
/// <param name="Outside">True when <see cref="Target"/> is an address outside the organization.</param>
/// <param name="Rules">The titles of the rules that recognised it.</param>
/// <param name="Command">How to remove it: an Exchange Online PowerShell command or a Microsoft Graph request.</param>
/// <param name="Confirmation">The audit record that confirms the removal.</param>
public sealed record Foothold(
    FootholdKind Kind,
    string Account,
    string Key,
    string Description,
    string? Target,
    string? AppId,
    bool Outside,
    IReadOnlyList<string> Rules,
    string Level,
    FootholdClassification Classification,
    Evidence Created,
    Evidence? Removed,
    string Command,
    string Confirmation)
{
    public string Label => Classification.Label();
}
