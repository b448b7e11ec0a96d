namespace Rampart.Detection.Indicators;

/// <summary>
/// One entry an index lookup found. <see cref="Row"/> at or above zero is an <see cref="Attribution"/>
/// ordinal: the entry is a fingerprint, and the full record (id, value) is confirmed against the
/// store when a lookup hits. Below zero, <c>~Row</c> is a record the index holds
/// whole. For a domain, <see cref="Start"/> is where the matching suffix begins in the queried name;
/// for a network, <see cref="PrefixLength"/> is the network's prefix length.
/// </summary>
public readonly record struct IndexHit(MatchHow How, int Row, int Start, int PrefixLength = 0);
