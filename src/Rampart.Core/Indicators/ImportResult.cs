namespace Rampart.Core.Indicators;

/// <summary>What one import transaction changed; <see cref="Revision"/> is the store revision after it.</summary>
public sealed record ImportResult(int Added, int Updated, int Unchanged, long Revision)
{
    public bool ChangedAnything => Added + Updated > 0;
}
