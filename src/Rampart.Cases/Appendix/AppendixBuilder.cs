using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rampart.Cases.Cases;
using Rampart.Core.Cases;
using Rampart.Core.Text;

namespace Rampart.Cases.Appendix;

/// <summary>
/// Builds the appendix from what the store holds for a case, and nothing else (no clock, no
/// machine, no culture): domains in ordinal order, evidence by capture time then hash, invariant
/// times in UTC, CRLF line ends. Re-exporting an unchanged case therefore gives the same bytes.
/// </summary>
public static class AppendixBuilder
{
    public static readonly string[] CsvHeader =
        ["case_id", "case_name", "case_status", "as_of", "domain", "added_at", "added_by", "reason", "first_seen", "last_seen", "actors", "lookalike", "evidence"];

    public static CaseAppendix Build(CaseDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var rows = new List<AppendixRow>();
        var caseEvidence = detail.Evidence.Where(e => e.Domain is null).ToList();
        if (caseEvidence.Count > 0)
        {
            rows.Add(new AppendixRow("", null, null, null, null, null, [], null, Ordered(caseEvidence)));
        }

        var byDomain = detail.Evidence.Where(e => e.Domain is not null).ToLookup(e => e.Domain!, StringComparer.Ordinal);
        foreach (var domain in detail.Domains.OrderBy(d => d.Domain, StringComparer.Ordinal))
        {
            var evidence = byDomain[domain.Domain].ToList();
            var periods = evidence.Where(e => e.Kind is EvidenceKind.Indicator or EvidenceKind.Sighting)
                .Select(e => SeenPeriod.FromJson(e.Data)).OfType<SeenPeriod>().ToList();
            rows.Add(new AppendixRow(
                domain.Domain,
                domain.AddedAt,
                domain.AddedBy,
                domain.Reason,
                periods.Count == 0 ? null : periods.Min(p => p.FirstSeen),
                periods.Count == 0 ? null : periods.Max(p => p.LastSeen),
                [.. evidence.Where(e => e.Kind == EvidenceKind.Attribution).Select(e => e.Summary).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                evidence.Where(e => e.Kind == EvidenceKind.Lookalike).OrderBy(e => e.CapturedAt).ThenBy(e => e.Sha256, StringComparer.Ordinal).Select(e => e.Summary).FirstOrDefault(),
                Ordered(evidence)));
        }

        var csv = Csv(detail.Case, rows);
        return new CaseAppendix(detail.Case, detail.History, rows, csv, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv))));
    }

    /// <summary>The one time format of the appendix: UTC, milliseconds, invariant.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static List<AppendixEvidence> Ordered(IEnumerable<CaseEvidence> evidence) =>
        [.. evidence.OrderBy(e => e.CapturedAt).ThenBy(e => e.Kind).ThenBy(e => e.Sha256, StringComparer.Ordinal).ThenBy(e => e.Summary, StringComparer.Ordinal)
            .Select(e => new AppendixEvidence(e.Kind, e.CapturedAt, e.Source, e.Summary, e.Data, e.FileName, e.Sha256))];

    private static string Csv(TakedownCase header, IReadOnlyList<AppendixRow> rows)
    {
        var text = new StringBuilder();
        text.Append(Core.Text.Csv.ReportLine(CsvHeader)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(Core.Text.Csv.ReportLine(
                header.Id,
                header.Name,
                header.Status.ToWire(),
                Time(header.ModifiedAt),
                row.Domain,
                row.AddedAt is { } added ? Time(added) : null,
                row.AddedBy,
                row.Reason,
                row.FirstSeen is { } first ? Time(first) : null,
                row.LastSeen is { } last ? Time(last) : null,
                string.Join("; ", row.Actors),
                row.Lookalike,
                string.Join("\n", row.Evidence.Select(e => e.Line())))).Append("\r\n");
        }

        return text.ToString();
    }
}
