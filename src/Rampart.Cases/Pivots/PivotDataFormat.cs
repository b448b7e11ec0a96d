namespace Rampart.Cases.Pivots;

/// <summary>The kinds of data investigators pivot over.</summary>
public enum PivotDataFormat
{
    /// <summary>WHOIS records: CSV with a header row, a JSON array, or JSON lines.</summary>
    Whois,

    /// <summary>Passive DNS in the common JSON-lines shape: rrname, rrtype, rdata, time_first, time_last.</summary>
    PassiveDns,

    /// <summary>Certificate names: one certificate's names per line, or JSON (crt.sh's shape or names arrays).</summary>
    Certificates,
}
