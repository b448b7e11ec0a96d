using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>What the reading thread found in one event: the built-in and supplied rules it matched, and its session and token ids.</summary>
internal readonly record struct FootholdMatches(CompiledRule[] BuiltIn, CompiledRule[] Supplied, AccessIds Ids)
{
    public static readonly FootholdMatches None = new([], [], AccessIds.None);
}
