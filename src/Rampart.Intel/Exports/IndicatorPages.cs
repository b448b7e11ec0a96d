using System.Runtime.CompilerServices;
using Rampart.Core.Indicators;

namespace Rampart.Intel.Exports;

/// <summary>Every indicator a query selects, page after page in id order, for exports that stream the whole store.</summary>
public static class IndicatorPages
{
    public static async IAsyncEnumerable<Indicator> AllAsync(IIndicatorStore store, IndicatorQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        var after = query.After;
        do
        {
            var page = await store.ListAsync(query with { Limit = IndicatorQuery.MaxLimit, After = after }, cancellationToken).ConfigureAwait(false);
            foreach (var indicator in page.Items)
            {
                yield return indicator;
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
