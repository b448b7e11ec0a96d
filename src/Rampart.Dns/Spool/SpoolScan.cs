namespace Rampart.Dns.Spool;

/// <summary>What a pass over a segment found: where whole records end, and the last sequence among them.</summary>
internal readonly record struct SpoolScan(long ValidLength, long FileLength, long LastSequence, int Records);
