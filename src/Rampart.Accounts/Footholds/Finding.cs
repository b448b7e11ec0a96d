namespace Rampart.Accounts.Footholds;

/// <summary>A rule (built-in or supplied) that matched an account's record, or a fact only code can establish (an address in the indicator store).</summary>
/// <param name="Rule">The rule's id, or <c>rampart:indicator-address</c> for an address in the indicator store.</param>
/// <param name="Level">Sigma's levels: informational, low, medium, high, critical.</param>
/// <param name="Detail">Why, in words, with the values that matter (the outside address, the actor).</param>
/// <param name="OpensWindow">True when this finding is a sign of compromise that opens the account's compromise window.</param>
public sealed record Finding(string Rule, string Title, string Level, string Detail, bool OpensWindow, Evidence Evidence);
