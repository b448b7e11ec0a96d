using System.Globalization;
using System.Net;
using System.Text;
using DnsClient;
using Rampart.Core.Cases;

namespace Rampart.Cases.Cases;

/// <summary>
/// DNS facts at a point in time: A, AAAA, NS, MX and SOA for a domain through the resolver the user
/// names (never a default one: what was asked of whom is part of the evidence). The evidence keeps
/// the resolver, the query time and each answer as the resolver gave it, in zone-file text.
/// </summary>
public sealed class DnsCapture(IPEndPoint resolver, TimeProvider time, TimeSpan? timeout = null)
{
    private static readonly QueryType[] Types = [QueryType.A, QueryType.AAAA, QueryType.NS, QueryType.MX, QueryType.SOA];

    private readonly LookupClient _client = new(new LookupClientOptions(new NameServer(resolver))
    {
        UseCache = false,
        Recursion = true,
        Retries = 1,
        Timeout = timeout ?? TimeSpan.FromSeconds(3),
        ThrowDnsErrors = false,
        ContinueOnDnsError = false,
        ContinueOnEmptyResponse = false,
        UseTcpFallback = true,
    });

    public async Task<NewEvidence> CaptureAsync(string domain, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var raw = new StringBuilder();
        var summary = new List<string>();
        foreach (var type in Types)
        {
            raw.Append(CultureInfo.InvariantCulture, $";; {domain} {type} @{resolver}");
            try
            {
                var response = await _client.QueryAsync(domain, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
                raw.Append(CultureInfo.InvariantCulture, $" rcode={response.Header.ResponseCode} id={response.Header.Id}\n");
                foreach (var record in response.Answers)
                {
                    var line = ZoneLine(record);
                    raw.Append(line).Append('\n');
                    if (record.RecordType.ToString() == type.ToString())
                    {
                        summary.Add($"{type} {Rdata(line)}");
                    }
                }

                if (response.Answers.Count == 0)
                {
                    summary.Add($"{type} none ({response.Header.ResponseCode})");
                }
            }
            catch (DnsResponseException ex)
            {
                raw.Append(CultureInfo.InvariantCulture, $" error={ex.Code}: {ex.Message}\n");
                summary.Add($"{type} error ({ex.Code})");
            }
        }

        return new NewEvidence(domain, EvidenceKind.Dns, at, $"resolver {resolver}", string.Join("; ", summary), raw.ToString());
    }

    /// <summary>
    /// The record as the resolver gave it. DnsClient's ToString prints the TTL counted down since the
    /// answer was parsed, so a slow capture recorded 299 where the resolver said 300: the TTL field
    /// is put back to the one received.
    /// </summary>
    private static string ZoneLine(DnsClient.Protocol.DnsResourceRecord record)
    {
        var text = record.ToString();
        var nameEnd = text.IndexOf(' ', StringComparison.Ordinal);
        var ttlEnd = nameEnd < 0 ? -1 : text.IndexOf(' ', nameEnd + 1);
        return ttlEnd < 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..nameEnd]} {record.InitialTimeToLive}{text[ttlEnd..]}");
    }

    private static string Rdata(string line)
    {
        var inClass = line.IndexOf(" IN ", StringComparison.Ordinal);
        if (inClass < 0)
        {
            return line;
        }

        var afterType = line.IndexOf(' ', inClass + 4);
        return afterType < 0 ? line : line[(afterType + 1)..].Trim();
    }
}
