namespace Rampart.Server.Taxii;

/// <summary>The TAXII 2.1 HTTP headers (§3.2 "HTTP Headers").</summary>
public static class TaxiiHeaders
{
    public const string DateAddedFirst = "X-TAXII-Date-Added-First";
    public const string DateAddedLast = "X-TAXII-Date-Added-Last";
}
