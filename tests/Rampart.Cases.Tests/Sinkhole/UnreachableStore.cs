using System.Net.Sockets;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Storage;

namespace Rampart.Cases.Tests.Sinkhole;

/// <summary>A store whose every call fails as a database that refuses connections does.</summary>
internal sealed class UnreachableStore : ICaseStore, IStoreRevision, IRpzSerialStore
{
    public Task<long> CurrentAsync(CancellationToken cancellationToken) => Fail<long>();

    public Task<long> SerialForAsync(string origin, string digest, ChangeContext context, CancellationToken cancellationToken) => Fail<long>();

    public Task<TakedownCase> CreateAsync(string name, string? description, ChangeContext context, CancellationToken cancellationToken) => Fail<TakedownCase>();

    public Task<TakedownCase?> GetAsync(string id, CancellationToken cancellationToken) => Fail<TakedownCase?>();

    public Task<IReadOnlyList<TakedownCase>> ListAsync(IReadOnlyCollection<CaseStatus>? statuses, CancellationToken cancellationToken) => Fail<IReadOnlyList<TakedownCase>>();

    public Task<CaseDetail?> GetDetailAsync(string id, CancellationToken cancellationToken) => Fail<CaseDetail?>();

    public Task<IReadOnlyList<string>?> AddDomainsAsync(string caseId, IReadOnlyList<(string Domain, string Reason)> domains, IReadOnlyList<NewEvidence> evidence, ChangeContext context, CancellationToken cancellationToken) => Fail<IReadOnlyList<string>?>();

    public Task<IReadOnlyList<CaseEvidence>?> AddEvidenceAsync(string caseId, IReadOnlyList<NewEvidence> evidence, ChangeContext context, CancellationToken cancellationToken) => Fail<IReadOnlyList<CaseEvidence>?>();

    public Task<byte[]?> GetAttachmentAsync(string evidenceId, CancellationToken cancellationToken) => Fail<byte[]?>();

    public Task<StatusChangeResult> SetStatusAsync(string caseId, CaseStatus to, string? note, ChangeContext context, CancellationToken cancellationToken) => Fail<StatusChangeResult>();

    private static Task<T> Fail<T>() => Task.FromException<T>(new SocketException((int)SocketError.ConnectionRefused));
}
