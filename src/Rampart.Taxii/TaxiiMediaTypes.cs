namespace Rampart.Taxii;

/// <summary>
/// The media types of TAXII 2.1 (§1.6.8.1 "Media Types", §1.6.8.2 "Version Parameter" of taxii-v2.1-os): TAXII resources are
/// <c>application/taxii+json;version=2.1</c>, STIX content <c>application/stix+json;version=2.1</c>.
/// A type without its <c>version</c> parameter means the latest version, which is 2.1 here.
/// </summary>
public static class TaxiiMediaTypes
{
    public const string Taxii = "application/taxii+json;version=2.1";
    public const string Stix = "application/stix+json;version=2.1";

    /// <summary>What a request's <c>Accept</c> header allows us to answer with.</summary>
    public enum Accepted
    {
        None,
        Taxii,
        Stix,
    }

    /// <summary>
    /// Reads an <c>Accept</c> header: TAXII 2.1 (with or without <c>version</c>) is preferred; STIX 2.1
    /// only where <paramref name="stixAllowed"/> (object endpoints); <c>*/*</c>, <c>application/*</c> and
    /// a missing header accept anything (RFC 9110 §12.5.1), so TAXII is answered.
    /// </summary>
    public static Accepted Negotiate(string? accept, bool stixAllowed)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return Accepted.Taxii;
        }

        var stix = false;
        foreach (var range in accept.Split(','))
        {
            var (type, version, q) = Parse(range);
            if (q <= 0)
            {
                continue;
            }

            if (type is "*/*" or "application/*")
            {
                return Accepted.Taxii;
            }

            if (type == "application/taxii+json" && version is null or "2.1")
            {
                return Accepted.Taxii;
            }

            if (stixAllowed && type == "application/stix+json" && version is null or "2.1")
            {
                stix = true;
            }
        }

        return stix ? Accepted.Stix : Accepted.None;
    }

    /// <summary>True for a <c>Content-Type</c> of TAXII 2.1 (with or without <c>version</c>), the only body Add Objects takes.</summary>
    public static bool IsTaxiiContent(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var (type, version, _) = Parse(contentType);
        return type == "application/taxii+json" && version is null or "2.1";
    }

    private static (string Type, string? Version, double Q) Parse(string range)
    {
        var parts = range.Split(';');
        var type = parts[0].Trim().ToLowerInvariant();
        string? version = null;
        var q = 1.0;
        foreach (var parameter in parts.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var name = parameter[..equals].Trim().ToLowerInvariant();
            var value = parameter[(equals + 1)..].Trim().Trim('"');
            if (name == "version")
            {
                version = value;
            }
            else if (name == "q" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                q = parsed;
            }
        }

        return (type, version, q);
    }
}
