namespace Rampart.Accounts.Footholds;

/// <summary>
/// One account's use of one address, app, session or token over the logs: first and last sighting
/// and how many. Order-free (files may come in any order), so "first seen before the reset, used
/// after it" is answered once the reset is known. Made from its <see cref="AccessSlot"/> when read.
/// </summary>
/// <param name="Account">The account in lower case.</param>
/// <param name="By">What was used: <see cref="AccessTallies.ByIp"/>, <see cref="AccessTallies.ByApp"/>, <see cref="AccessTallies.BySession"/> or <see cref="AccessTallies.ByToken"/>.</param>
/// <param name="Value">
/// The address, the app (lower case), or the session or token id. A session or token seen once is
/// not kept by its text (most are, and one sighting cannot span a reset): null until it is seen again.
/// </param>
/// <param name="Last">The latest sighting; the first when there was one.</param>
internal readonly record struct AccessTally(string Account, string By, string? Value, long Count, AccessSighting First, AccessSighting Last);
