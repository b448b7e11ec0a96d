namespace Rampart.Accounts.Footholds;

/// <summary>One line of an account's timeline: when, what (in words), and the record.</summary>
/// <param name="What">compromise, foothold, removal, reset, revocation, finding, continued-access.</param>
public sealed record TimelineEntry(DateTimeOffset? Time, string What, string Text, Evidence Evidence);
