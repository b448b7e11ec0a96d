namespace Rampart.Detection.Indicators;

/// <summary>The one spelling of each <see cref="MatchHow"/> in verdicts, the API and the CLI.</summary>
public static class MatchHows
{
    public static string ToWire(this MatchHow how) => how switch
    {
        MatchHow.Exact => "exact",
        MatchHow.ParentDomain => "parent-domain",
        MatchHow.UrlHost => "url-host",
        MatchHow.UrlPrefix => "url-prefix",
        MatchHow.EmailDomain => "email-domain",
        MatchHow.Network => "cidr",
    };
}
