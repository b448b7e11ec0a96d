using System.Globalization;
using System.Text.Json;
using Rampart.Core.Cases;

namespace Rampart.Cases.Pivots;

/// <summary>
/// Passive DNS in the common output format (one JSON object per line: rrname, rrtype, rdata,
/// time_first, time_last; times as Unix seconds or ISO 8601). A and AAAA records become addresses
/// with their period, NS records name servers; other types are read and ignored.
/// </summary>
public static class PassiveDnsReader
{
    public static PivotReadResult Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var facts = new List<PivotFact>();
        var errors = new List<PivotReadError>();
        var records = 0;
        foreach (var (line, element, error) in JsonRecords.Read(reader.ReadToEnd()))
        {
            records++;
            if (error is not null)
            {
                errors.Add(new PivotReadError(file, line, null, error));
                continue;
            }

            var rrname = JsonRecords.String(element, ["rrname"]);
            if (!PivotValues.TryDomain(rrname, out var domain, out var problem))
            {
                errors.Add(new PivotReadError(file, line, "rrname", rrname is null ? "missing" : $"'{rrname}': {problem}"));
                continue;
            }

            var rrtype = JsonRecords.String(element, ["rrtype"])?.ToUpperInvariant();
            if (rrtype is null)
            {
                errors.Add(new PivotReadError(file, line, "rrtype", "missing"));
                continue;
            }

            if (!TryTime(element, "time_first", "zone_time_first", out var first, out var firstError) ||
                !TryTime(element, "time_last", "zone_time_last", out var last, out firstError))
            {
                errors.Add(new PivotReadError(file, line, firstError.Field, firstError.Message));
                continue;
            }

            if (rrtype is not ("A" or "AAAA" or "NS"))
            {
                continue;
            }

            foreach (var rdata in JsonRecords.Strings(element, ["rdata"]))
            {
                if (rrtype == "NS")
                {
                    if (PivotValues.TryDomain(rdata, out var server, out var nsProblem))
                    {
                        facts.Add(new PivotFact(domain, PivotFactKind.NameServer, server, first, last, file));
                    }
                    else
                    {
                        errors.Add(new PivotReadError(file, line, "rdata", $"'{rdata}': {nsProblem}"));
                    }
                }
                else if (PivotValues.Address(rdata) is { } address)
                {
                    facts.Add(new PivotFact(domain, PivotFactKind.Address, address, first, last, file));
                }
                else
                {
                    errors.Add(new PivotReadError(file, line, "rdata", $"'{rdata}' is not an IP address"));
                }
            }
        }

        return new PivotReadResult(facts, errors, records);
    }

    private static bool TryTime(JsonElement element, string name, string alternative, out DateTimeOffset? time, out (string Field, string Message) error)
    {
        time = null;
        error = default;
        var text = JsonRecords.String(element, [name, alternative]);
        if (text is null)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 253402300799)
        {
            time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }

        error = (name, $"'{text}' is neither Unix seconds nor an ISO 8601 time");
        return false;
    }
}
