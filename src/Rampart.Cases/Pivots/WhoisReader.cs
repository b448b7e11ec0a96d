using System.Text.Json;
using Rampart.Core.Cases;
using Rampart.Core.Text;

namespace Rampart.Cases.Pivots;

/// <summary>
/// WHOIS records as CSV (a header row naming the columns) or JSON (an array or one object per line):
/// domain, registrant e-mail, registrant name or organization, name servers. Columns and properties
/// are matched by the names common exports use; a record without a valid domain is reported and skipped.
/// </summary>
public static class WhoisReader
{
    private static readonly string[] DomainNames = ["domain", "domain_name", "domainname", "name", "query"];
    private static readonly string[] EmailNames = ["registrant_email", "registrantemail", "registrant email", "email", "registrant_contact_email"];
    private static readonly string[] RegistrantNames = ["registrant_name", "registrantname", "registrant name", "registrant", "registrant_organization", "registrant_org", "registrantorganization", "org"];
    private static readonly string[] NameServerNames = ["name_servers", "nameservers", "name servers", "name_server", "nameserver", "ns"];

    public static PivotReadResult Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();
        var first = text.TrimStart();
        return first.StartsWith('{') || first.StartsWith('[') ? ReadJson(text, file) : ReadCsv(text, file);
    }

    private static PivotReadResult ReadCsv(string text, string file)
    {
        var csv = new CsvReader(new StringReader(text));
        var facts = new List<PivotFact>();
        var errors = new List<PivotReadError>();
        if (!csv.TryRead(out var header, out var headerError))
        {
            return new PivotReadResult(facts, errors, 0);
        }

        if (headerError is not null)
        {
            errors.Add(new PivotReadError(file, header.Line, null, headerError));
            return new PivotReadResult(facts, errors, 0);
        }

        var columns = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var domainColumn = columns.FindIndex(c => DomainNames.Contains(c));
        if (domainColumn < 0)
        {
            errors.Add(new PivotReadError(file, header.Line, null, $"no domain column in the header (one of: {string.Join(", ", DomainNames)})"));
            return new PivotReadResult(facts, errors, 0);
        }

        var emailColumn = columns.FindIndex(c => EmailNames.Contains(c));
        var nameColumn = columns.FindIndex(c => RegistrantNames.Contains(c));
        var nsColumn = columns.FindIndex(c => NameServerNames.Contains(c));
        var records = 0;
        while (csv.TryRead(out var record, out var error))
        {
            if (record.Fields is [""])
            {
                continue;
            }

            records++;
            if (error is not null)
            {
                errors.Add(new PivotReadError(file, record.Line, null, error));
                continue;
            }

            string? Field(int column) => column >= 0 && column < record.Fields.Count && record.Fields[column].Trim() is { Length: > 0 } value ? value : null;
            Add(facts, errors, file, record.Line, Field(domainColumn), Field(emailColumn), Field(nameColumn), PivotValues.List(Field(nsColumn)));
        }

        return new PivotReadResult(facts, errors, records);
    }

    private static PivotReadResult ReadJson(string text, string file)
    {
        var facts = new List<PivotFact>();
        var errors = new List<PivotReadError>();
        var records = 0;
        foreach (var (line, element, error) in JsonRecords.Read(text))
        {
            records++;
            if (error is not null)
            {
                errors.Add(new PivotReadError(file, line, null, error));
                continue;
            }

            var registrant = JsonRecords.Object(element, "registrant");
            Add(facts, errors, file, line,
                JsonRecords.String(element, DomainNames),
                JsonRecords.String(element, EmailNames) ?? (registrant is { } r1 ? JsonRecords.String(r1, ["email"]) : null),
                JsonRecords.String(element, RegistrantNames) ?? (registrant is { } r2 ? JsonRecords.String(r2, ["name", "organization", "org"]) : null),
                JsonRecords.Strings(element, NameServerNames).SelectMany(PivotValues.List));
        }

        return new PivotReadResult(facts, errors, records);
    }

    private static void Add(List<PivotFact> facts, List<PivotReadError> errors, string file, int line, string? domainText, string? email, string? name, IEnumerable<string> nameServers)
    {
        if (!PivotValues.TryDomain(domainText, out var domain, out var problem))
        {
            errors.Add(new PivotReadError(file, line, "domain", domainText is null ? "missing" : $"'{domainText}': {problem}"));
            return;
        }

        if (email is not null)
        {
            facts.Add(new PivotFact(domain, PivotFactKind.RegistrantEmail, PivotValues.Email(email), null, null, file));
        }

        if (name is not null)
        {
            facts.Add(new PivotFact(domain, PivotFactKind.RegistrantName, PivotValues.Name(name), null, null, file));
        }

        foreach (var ns in nameServers)
        {
            if (PivotValues.TryDomain(ns, out var server, out var nsProblem))
            {
                facts.Add(new PivotFact(domain, PivotFactKind.NameServer, server, null, null, file));
            }
            else
            {
                errors.Add(new PivotReadError(file, line, "name_servers", $"'{ns}': {nsProblem}"));
            }
        }
    }
}
