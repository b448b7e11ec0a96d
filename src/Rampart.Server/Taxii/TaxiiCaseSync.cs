using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Taxii;
using Rampart.Taxii.Collections;

namespace Rampart.Server.Taxii;

/// <summary>
/// A case collection follows its case: before a read starts, the indicator object versions of the
/// case's domains that it does not hold yet join it with new <c>date_added</c> values, so a client
/// reading incrementally (added_after) gets what the case gained since, whichever process it asks.
/// Nothing happens (and nothing is audited) when the collection is already up to date.
/// </summary>
internal static class TaxiiCaseSync
{
    public static async Task SyncAsync(IServiceProvider services, TaxiiCollection collection, CancellationToken cancellationToken)
    {
        if (collection.Kind != TaxiiCollectionKind.Case || collection.Argument is null)
        {
            return;
        }

        var detail = await services.GetRequiredService<ICaseStore>().GetDetailAsync(collection.Argument, cancellationToken);
        if (detail is null)
        {
            return;
        }

        await services.GetRequiredService<ITaxiiStore>().SyncCaseAsync(collection.Id, detail.Domains.Select(d => d.Domain).ToList(), ChangeContext.System, cancellationToken);
    }
}
