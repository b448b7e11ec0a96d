using Rampart.Core.Cases;

namespace Rampart.Storage.Cases;

/// <summary>Reads the words <see cref="CaseStatuses"/>, <see cref="EvidenceKinds"/> and <see cref="PivotFactKinds"/> write.</summary>
internal static class CaseNames
{
    public static CaseStatus ToStatus(string stored) =>
        CaseStatuses.TryParse(stored, out var status) ? status : throw Unknown("case status", stored);

    public static EvidenceKind ToKind(string stored) =>
        EvidenceKinds.TryParse(stored, out var kind) ? kind : throw Unknown("evidence kind", stored);

    public static PivotFactKind ToFactKind(string stored) =>
        PivotFactKinds.TryParse(stored, out var kind) ? kind : throw Unknown("pivot fact kind", stored);

    private static InvalidOperationException Unknown(string what, string stored) =>
        new($"The store holds an unknown {what} '{stored}'; was it written by a newer version?");
}
