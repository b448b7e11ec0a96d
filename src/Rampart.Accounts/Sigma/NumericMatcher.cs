using System.Globalization;

namespace Rampart.Accounts.Sigma;

/// <summary><c>lt</c>/<c>lte</c>/<c>gt</c>/<c>gte</c> (and equality for time parts): the value is parsed as a number; text that is not one never matches.</summary>
internal sealed class NumericMatcher(SigmaComparisonOperator op, double threshold) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && new SigmaComparison(op, threshold).IsSatisfiedBy(value);
}
