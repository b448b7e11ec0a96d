using Rampart.Cases.Pivots;

namespace Rampart.Cases.Cases;

/// <summary>Turns what people type or paste (defanged, uppercase, trailing dot, URLs' hosts) into case domains.</summary>
public static class CaseDomainNames
{
    /// <summary>Normalized domains and, for each input that is not one, a line saying why.</summary>
    public static (IReadOnlyList<string> Domains, IReadOnlyList<string> Errors) Normalize(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var domains = new List<string>();
        var errors = new List<string>();
        foreach (var input in inputs)
        {
            var host = input.Contains("://", StringComparison.Ordinal) || input.Contains("[:]//", StringComparison.Ordinal) ? HostOf(input) : input;
            if (PivotValues.TryDomain(host, out var domain, out var error) && domain.Contains('.', StringComparison.Ordinal))
            {
                domains.Add(domain);
            }
            else
            {
                errors.Add($"'{input}': {error ?? "not a domain name"}");
            }
        }

        return ([.. domains.Distinct(StringComparer.Ordinal)], errors);
    }

    private static string HostOf(string url)
    {
        var refanged = Rampart.Core.Indicators.Defang.Refang(url.Trim());
        return Uri.TryCreate(refanged, UriKind.Absolute, out var uri) ? uri.IdnHost : refanged;
    }
}
