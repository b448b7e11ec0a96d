using System.Security.Cryptography;
using System.Text;
using Rampart.Core.Cases;

namespace Rampart.Cases.Pivots;

/// <summary>
/// Certificate names from CT exports: plain text with one certificate's names per line (separated
/// by spaces, commas or semicolons; <c>#</c> starts a comment), or JSON — crt.sh's shape
/// (<c>id</c>, <c>serial_number</c>, <c>name_value</c> with names on separate lines) or objects with a
/// <c>names</c>/<c>dns_names</c> array and a <c>sha256</c>/<c>fingerprint</c>. A certificate is named by its
/// fingerprint, else its crt.sh id or serial, else the SHA-256 of its sorted names.
/// </summary>
public static class CertificateNamesReader
{
    public static PivotReadResult Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();
        var first = text.TrimStart();
        var facts = new List<PivotFact>();
        var errors = new List<PivotReadError>();
        var records = 0;
        if (first.StartsWith('{') || first.StartsWith('['))
        {
            foreach (var (line, element, error) in JsonRecords.Read(text))
            {
                records++;
                if (error is not null)
                {
                    errors.Add(new PivotReadError(file, line, null, error));
                    continue;
                }

                var names = JsonRecords.Strings(element, ["names", "dns_names", "dnsnames", "san", "name_value"]).SelectMany(n => n.Split('\n'))
                    .Concat(JsonRecords.Strings(element, ["common_name", "cn"])).ToList();
                var id = JsonRecords.String(element, ["sha256", "fingerprint", "fingerprint_sha256"]) is { } fingerprint ? "sha256:" + fingerprint.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant()
                    : JsonRecords.String(element, ["id"]) is { } crtsh ? "crt.sh:" + crtsh
                    : JsonRecords.String(element, ["serial_number", "serial"]) is { } serial ? "serial:" + serial.ToLowerInvariant()
                    : null;
                Add(facts, errors, file, line, names, id);
            }
        }
        else
        {
            var lineNumber = 0;
            foreach (var raw in text.Split('\n'))
            {
                lineNumber++;
                var line = raw.Split('#', 2)[0];
                var names = line.Split([' ', '\t', ',', ';', '\r'], StringSplitOptions.RemoveEmptyEntries);
                if (names.Length == 0)
                {
                    continue;
                }

                records++;
                Add(facts, errors, file, lineNumber, names, null);
            }
        }

        return new PivotReadResult(facts, errors, records);
    }

    private static void Add(List<PivotFact> facts, List<PivotReadError> errors, string file, int line, IEnumerable<string> names, string? id)
    {
        var domains = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.Trim().Length == 0)
            {
                continue;
            }

            if (PivotValues.TryDomain(name, out var domain, out var problem))
            {
                domains.Add(domain);
            }
            else
            {
                errors.Add(new PivotReadError(file, line, "names", $"'{name.Trim()}': {problem}"));
            }
        }

        if (domains.Count == 0)
        {
            errors.Add(new PivotReadError(file, line, "names", "no valid name"));
            return;
        }

        // Hashing the sorted names names a certificate the same way in every export that lists it.
        id ??= "names:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', domains))))[..16];
        facts.AddRange(domains.Select(d => new PivotFact(d, PivotFactKind.Certificate, id, null, null, file)));
    }
}
