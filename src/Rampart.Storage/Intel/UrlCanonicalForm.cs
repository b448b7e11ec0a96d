using Dapper;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Storage.Platform;

namespace Rampart.Storage.Intel;

/// <summary>
/// Intel migration 3: URL indicators stored while the parser normalized URLs with System.Uri are
/// normalized again from their stored value into the Safe Browsing canonical form, the only form the
/// parser gives now, so the index reads every stored URL as canonical and never canonicalizes again.
/// </summary>
/// <remarks>
/// Two rows of one source may become the same URL (user-info dropped, escapes undone): the first by
/// id takes the canonical form, each later one is revoked as its duplicate and keeps its old form,
/// since (type, normalized value, source) is unique. A value the parser now refuses is revoked with
/// the parser's reason. One revision covers it all, with an audit entry per revocation and a summary.
/// </remarks>
internal static class UrlCanonicalForm
{
    public const int Version = 3;

    /// <summary>Rows read per query: keyset pages keep memory flat however many URLs are stored.</summary>
    private const int PageSize = 10_000;

    public static async Task RunAsync(MigrationStepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rewrites = await FindAsync(context).ConfigureAwait(false);
        if (rewrites.Count == 0)
        {
            return;
        }

        await StoreChanges.RunInAsync(context.Connection, context.Transaction, context.Provider, context.Now, ChangeContext.System,
            change => ApplyAsync(change, rewrites), context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<Rewrite>> FindAsync(MigrationStepContext context)
    {
        var rewrites = new List<Rewrite>();
        string? after = null;
        while (true)
        {
            var page = (await context.Connection.QueryAsync<UrlRow>(new CommandDefinition(
                """
                SELECT id AS Id, value AS Value, normalized_value AS NormalizedValue, source AS Source, revoked AS Revoked
                FROM indicators WHERE type = 'url' AND (@After IS NULL OR id > @After) ORDER BY id LIMIT @Take
                """,
                new { After = after, Take = PageSize }, context.Transaction, cancellationToken: context.CancellationToken)).ConfigureAwait(false)).ToList();
            foreach (var row in page)
            {
                if (IndicatorValueParser.TryParse(row.Value, IndicatorType.Url, out var error, out var value)
                    || IndicatorValueParser.TryParse(row.NormalizedValue, IndicatorType.Url, out _, out value))
                {
                    if (value.Normalized != row.NormalizedValue)
                    {
                        rewrites.Add(new Rewrite(row, value.Normalized, null));
                    }
                }
                else if (!row.Revoked)
                {
                    rewrites.Add(new Rewrite(row, null, error));
                }
            }

            if (page.Count < PageSize)
            {
                return rewrites;
            }

            after = page[^1].Id;
        }
    }

    private static async Task<int> ApplyAsync(ChangeTransaction change, List<Rewrite> rewrites)
    {
        var rewritten = 0;
        foreach (var (row, canonical, error) in rewrites)
        {
            if (canonical is null)
            {
                await RevokeAsync(change, row.Id, $"no longer a valid URL: {error}").ConfigureAwait(false);
                continue;
            }

            var taken = await change.QuerySingleOrDefaultAsync<string>(
                "SELECT id FROM indicators WHERE type = 'url' AND normalized_value = @Canonical AND source = @Source AND id <> @Id",
                new { Canonical = canonical, row.Source, row.Id }).ConfigureAwait(false);
            if (taken is not null)
            {
                if (!row.Revoked)
                {
                    await RevokeAsync(change, row.Id, $"duplicate of {taken}: both are {canonical} in canonical form").ConfigureAwait(false);
                }

                continue;
            }

            await change.ExecuteAsync(
                "UPDATE indicators SET normalized_value = @Canonical, modified_at = @Now, revision = @Revision WHERE id = @Id",
                new { Canonical = canonical, Now = change.NowStore, change.Revision, row.Id }).ConfigureAwait(false);
            rewritten++;
        }

        // Always audited, so the revision this step took is never committed unexplained.
        change.Audit("indicator.renormalize", "url", $"{rewritten} of {rewrites.Count} URL indicators rewritten in Safe Browsing canonical form");
        return rewritten;
    }

    private static Task<int> RevokeAsync(ChangeTransaction change, string id, string why)
    {
        change.Audit("indicator.revoke", id, why);
        return change.ExecuteAsync(
            "UPDATE indicators SET revoked = TRUE, modified_at = @Now, revision = @Revision WHERE id = @Id",
            new { Now = change.NowStore, change.Revision, Id = id });
    }

    private sealed record Rewrite(UrlRow Row, string? Canonical, string? Error);

    private sealed class UrlRow
    {
        public string Id { get; set; } = "";

        public string Value { get; set; } = "";

        public string NormalizedValue { get; set; } = "";

        public string Source { get; set; } = "";

        public bool Revoked { get; set; }
    }
}
