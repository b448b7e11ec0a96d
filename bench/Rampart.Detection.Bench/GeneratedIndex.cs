using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;

namespace Rampart.Detection.Bench;

public static class GeneratedIndex
{
    /// <summary>An index of <paramref name="count"/> generated domain indicators, built the way the loader builds one.</summary>
    public static IndicatorIndex Build(int count)
    {
        var builder = new IndicatorIndexBuilder(count);
        var attribution = new Attribution(IndicatorType.Domain, 80, "bench", "intrusion-set--bench", "THALLIUM");
        for (var i = 0; i < count; i++)
        {
            builder.AddDomain(LabelDepthProfile.Indicator(i), attribution);
        }

        return builder.Build(1);
    }
}
