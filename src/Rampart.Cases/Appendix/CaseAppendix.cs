using Rampart.Core.Cases;

namespace Rampart.Cases.Appendix;

/// <summary>
/// A case's court appendix: the header (dated by the case's last change, never by the export), one
/// row per domain, the CSV text and its SHA-256, which the HTML page prints. The same case gives the
/// same bytes on every export.
/// </summary>
public sealed record CaseAppendix(TakedownCase Case, IReadOnlyList<CaseStatusChange> History, IReadOnlyList<AppendixRow> Rows, string Csv, string CsvSha256)
{
    /// <summary>The case's last change: the date the appendix speaks for.</summary>
    public DateTimeOffset AsOf => Case.ModifiedAt;
}
