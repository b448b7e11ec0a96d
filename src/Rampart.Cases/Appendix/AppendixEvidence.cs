using Rampart.Core.Cases;

namespace Rampart.Cases.Appendix;

/// <summary>One piece of evidence as the appendix prints it.</summary>
public sealed record AppendixEvidence(EvidenceKind Kind, DateTimeOffset CapturedAt, string Source, string Summary, string? Data, string? FileName, string Sha256)
{
    /// <summary>One line: "2026-11-02T09:30:00.000Z dns (resolver 127.0.0.1:53): A 192.0.2.1 sha256=…".</summary>
    public string Line() =>
        $"{AppendixBuilder.Time(CapturedAt)} {Kind.ToWire()} ({Source}): {Summary}{(FileName is null ? "" : $" [{FileName}]")} sha256={Sha256}";
}
