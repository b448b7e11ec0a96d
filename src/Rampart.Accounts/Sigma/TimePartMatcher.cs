using System.Globalization;

namespace Rampart.Accounts.Sigma;

/// <summary>The time modifiers (<c>minute</c> … <c>year</c>): a part of a date value, compared as a number. No time zone conversion (spec).</summary>
internal sealed class TimePartMatcher(string part, SigmaComparisonOperator op, double threshold) : ValueMatcher
{
    public override bool Matches(ReadOnlySpan<char> text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }

        double value = part switch
        {
            "minute" => time.Minute,
            "hour" => time.Hour,
            "day" => time.Day,
            "week" => ISOWeek.GetWeekOfYear(time.DateTime),
            "month" => time.Month,
            _ => time.Year,
        };
        return new SigmaComparison(op, threshold).IsSatisfiedBy(value);
    }
}
