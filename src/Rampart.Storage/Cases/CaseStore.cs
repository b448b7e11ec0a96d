using Dapper;
using Rampart.Core;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Cases;

/// <summary>
/// Takedown cases; every write goes through <see cref="StoreChanges"/> (revision + audit) and stamps
/// the case's last change, which dates its appendix.
/// </summary>
internal sealed class CaseStore(StoreChanges changes) : ICaseStore
{
    private const string InsertEvidence = """
        INSERT INTO case_evidence (id, case_id, domain, kind, captured_at, source, summary, data, file_name, size, sha256, content, added_at, added_by, revision)
        VALUES (@Id, @CaseId, @Domain, @Kind, @CapturedAt, @Source, @Summary, @Data, @FileName, @Size, @Sha256, @Content, @Now, @Who, @Revision)
        """;

    public Task<TakedownCase> CreateAsync(string name, string? description, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(context);
        return changes.RunAsync(context, async change =>
        {
            var created = new TakedownCase(RampartId.New("case"), name.Trim(), description, CaseStatus.Draft, StoreTime.FromStore(change.NowStore), context.Who, StoreTime.FromStore(change.NowStore), change.Revision);
            await change.ExecuteAsync(
                "INSERT INTO cases (id, name, description, status, created_at, created_by, modified_at, revision) VALUES (@Id, @Name, @Description, @Status, @Now, @Who, @Now, @Revision)",
                new { created.Id, created.Name, created.Description, Status = CaseStatus.Draft.ToWire(), Now = change.NowStore, context.Who, change.Revision }).ConfigureAwait(false);
            await InsertStatusChangeAsync(change, created.Id, null, CaseStatus.Draft, null).ConfigureAwait(false);
            change.Audit("case.create", created.Id, created.Name);
            return created;
        }, cancellationToken);
    }

    public async Task<TakedownCase?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseRow.Columns} FROM cases WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToCase();
    }

    public async Task<IReadOnlyList<TakedownCase>> ListAsync(IReadOnlyCollection<CaseStatus>? statuses, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseRow.Columns} FROM cases ORDER BY created_at DESC, id DESC", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToCase()).Where(c => statuses is null || statuses.Contains(c.Status))];
    }

    public async Task<CaseDetail?> GetDetailAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseRow.Columns} FROM cases WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var domains = await connection.QueryAsync<CaseDomainRow>(new CommandDefinition(
            $"SELECT {CaseDomainRow.Columns} FROM case_domains WHERE case_id = @Id ORDER BY domain", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var evidence = await connection.QueryAsync<CaseEvidenceRow>(new CommandDefinition(
            $"SELECT {CaseEvidenceRow.Columns} FROM case_evidence WHERE case_id = @Id ORDER BY captured_at, id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var history = await connection.QueryAsync<CaseStatusChangeRow>(new CommandDefinition(
            $"SELECT {CaseStatusChangeRow.Columns} FROM case_status_changes WHERE case_id = @Id ORDER BY revision", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new CaseDetail(
            row.ToCase(),
            [.. domains.Select(d => d.ToDomain()).OrderBy(d => d.Domain, StringComparer.Ordinal)],
            [.. evidence.Select(e => e.ToEvidence())],
            [.. history.Select(h => h.ToChange())]);
    }

    public Task<IReadOnlyList<string>?> AddDomainsAsync(string caseId, IReadOnlyList<(string Domain, string Reason)> domains, IReadOnlyList<NewEvidence> evidence, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(evidence);
        return changes.RunAsync<IReadOnlyList<string>?>(context, async change =>
        {
            if (!await ExistsAsync(change, caseId).ConfigureAwait(false))
            {
                return null;
            }

            var added = new List<string>();
            foreach (var (domain, reason) in domains.DistinctBy(d => d.Domain, StringComparer.Ordinal))
            {
                var inserted = await change.ExecuteAsync(
                    """
                    INSERT INTO case_domains (case_id, domain, added_at, added_by, reason, revision) VALUES (@CaseId, @Domain, @Now, @Who, @Reason, @Revision)
                    ON CONFLICT (case_id, domain) DO NOTHING
                    """,
                    new { CaseId = caseId, Domain = domain, Now = change.NowStore, context.Who, Reason = reason, change.Revision }).ConfigureAwait(false);
                if (inserted > 0)
                {
                    added.Add(domain);
                    change.Audit("case.add-domain", caseId, $"{domain}: {reason}");
                }
            }

            await InsertEvidenceAsync(change, caseId, evidence).ConfigureAwait(false);
            if (change.Entries.Count > 0)
            {
                await TouchAsync(change, caseId).ConfigureAwait(false);
            }

            return added;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<CaseEvidence>?> AddEvidenceAsync(string caseId, IReadOnlyList<NewEvidence> evidence, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return changes.RunAsync<IReadOnlyList<CaseEvidence>?>(context, async change =>
        {
            if (!await ExistsAsync(change, caseId).ConfigureAwait(false))
            {
                return null;
            }

            var stored = await InsertEvidenceAsync(change, caseId, evidence).ConfigureAwait(false);
            if (stored.Count > 0)
            {
                await TouchAsync(change, caseId).ConfigureAwait(false);
            }

            return stored;
        }, cancellationToken);
    }

    public async Task<byte[]?> GetAttachmentAsync(string evidenceId, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition(
            "SELECT content FROM case_evidence WHERE id = @Id", new { Id = evidenceId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public Task<StatusChangeResult> SetStatusAsync(string caseId, CaseStatus to, string? note, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var stored = await change.QuerySingleOrDefaultAsync<string>("SELECT status FROM cases WHERE id = @Id", new { Id = caseId }).ConfigureAwait(false);
            if (stored is null)
            {
                return new StatusChangeResult(StatusChangeOutcome.NotFound, null, to);
            }

            var from = CaseNames.ToStatus(stored);
            if (!CaseStatuses.CanMove(from, to))
            {
                return new StatusChangeResult(StatusChangeOutcome.NotAllowed, from, to);
            }

            // The status in the WHERE clause makes the move conditional on what was read, whatever the isolation level.
            await change.ExecuteAsync(
                "UPDATE cases SET status = @To, modified_at = @Now, revision = @Revision WHERE id = @Id AND status = @From",
                new { Id = caseId, To = to.ToWire(), From = from.ToWire(), Now = change.NowStore, change.Revision }).ConfigureAwait(false);
            await InsertStatusChangeAsync(change, caseId, from, to, note).ConfigureAwait(false);
            change.Audit("case.status", caseId, $"{from.ToWire()} -> {to.ToWire()}" + (note is null ? "" : $": {note}"));
            return new StatusChangeResult(StatusChangeOutcome.Changed, from, to);
        }, cancellationToken);

    private static async Task<bool> ExistsAsync(ChangeTransaction change, string caseId) =>
        await change.ScalarAsync<long>("SELECT COUNT(*) FROM cases WHERE id = @Id", new { Id = caseId }).ConfigureAwait(false) > 0;

    private static Task<int> TouchAsync(ChangeTransaction change, string caseId) =>
        change.ExecuteAsync("UPDATE cases SET modified_at = @Now, revision = @Revision WHERE id = @Id", new { Id = caseId, Now = change.NowStore, change.Revision });

    private static Task<int> InsertStatusChangeAsync(ChangeTransaction change, string caseId, CaseStatus? from, CaseStatus to, string? note) =>
        change.ExecuteAsync(
            "INSERT INTO case_status_changes (case_id, at, who, from_status, to_status, note, revision) VALUES (@CaseId, @Now, @Who, @From, @To, @Note, @Revision)",
            new { CaseId = caseId, Now = change.NowStore, change.Context.Who, From = from?.ToWire(), To = to.ToWire(), Note = note, change.Revision });

    private static async Task<IReadOnlyList<CaseEvidence>> InsertEvidenceAsync(ChangeTransaction change, string caseId, IReadOnlyList<NewEvidence> evidence)
    {
        var stored = new List<CaseEvidence>(evidence.Count);
        foreach (var item in evidence)
        {
            if (item.Domain is not null && await change.ScalarAsync<long>(
                    "SELECT COUNT(*) FROM case_domains WHERE case_id = @CaseId AND domain = @Domain", new { CaseId = caseId, item.Domain }).ConfigureAwait(false) == 0)
            {
                throw new ArgumentException($"{item.Domain} is not a domain of case {caseId}; add it first.", nameof(evidence));
            }

            var content = item.Content?.ToArray();
            var row = new CaseEvidence(
                RampartId.New("evidence"), caseId, item.Domain, item.Kind, StoreTime.FromStore(StoreTime.ToStore(item.CapturedAt)), item.Source, item.Summary,
                item.Data, item.FileName, content?.LongLength, item.Sha256(), StoreTime.FromStore(change.NowStore), change.Context.Who);
            await change.ExecuteAsync(InsertEvidence, new
            {
                row.Id,
                row.CaseId,
                row.Domain,
                Kind = row.Kind.ToWire(),
                CapturedAt = StoreTime.ToStore(row.CapturedAt),
                row.Source,
                row.Summary,
                row.Data,
                row.FileName,
                row.Size,
                row.Sha256,
                Content = content,
                Now = change.NowStore,
                Who = row.AddedBy,
                change.Revision,
            }).ConfigureAwait(false);
            change.Audit("case.evidence", caseId, $"{row.Kind.ToWire()} {row.Domain ?? "(case)"} sha256={row.Sha256}");
            stored.Add(row);
        }

        return stored;
    }
}
