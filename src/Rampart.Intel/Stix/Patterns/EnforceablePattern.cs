using Rampart.Core.Indicators;

namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// What Rampart can enforce of one pattern: the indicator values it indexes, and why the rest is not
/// enforced (empty when the whole pattern is). A pattern is enforced in part when it is an OR and
/// only some of its branches are simple comparisons: blocking those is still right, just incomplete.
/// </summary>
public sealed record EnforceablePattern(IReadOnlyList<IndicatorValue> Values, IReadOnlyList<string> NotEnforced)
{
    public bool FullyEnforced => Values.Count > 0 && NotEnforced.Count == 0;
}
