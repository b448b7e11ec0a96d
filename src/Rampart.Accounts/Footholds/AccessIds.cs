namespace Rampart.Accounts.Footholds;

/// <summary>
/// The session and token identifiers a record carries, read on the reading thread while the record
/// is at hand: Entra sign-ins' <c>sessionId</c> and <c>uniqueTokenIdentifier</c> (Graph beta signIn,
/// Azure Monitor's <c>properties</c>, Sentinel's <c>SessionId</c>/<c>UniqueTokenIdentifier</c>); the
/// UAL's <c>SessionId</c> and <c>AppAccessContext.AADSessionId</c>/<c>UniqueTokenId</c> (the same Entra
/// session and token, as the Management Activity API schema describes them).
/// </summary>
/// <remarks>
/// <c>correlationId</c> is not one: the signIn resource calls it the identifier the client sends when the
/// sign-in is initiated, one per request, so it cannot be the same before and after a reset.
/// </remarks>
internal readonly record struct AccessIds(AccessId Session, AccessId EntraSession, AccessId Token)
{
    public static AccessIds None => default;
}
