namespace Rampart.Accounts.Footholds;

/// <summary>One step of a remediation plan: what to do, the exact command, and the audit record that shows it was done.</summary>
/// <param name="Done">True when the logs already hold the confirming record (re-running the audit marks steps done).</param>
/// <param name="DoneBy">The confirming record, when <see cref="Done"/>.</param>
public sealed record PlanStep(int Number, string Title, string Command, string Confirmation, bool Done, Evidence? DoneBy);
