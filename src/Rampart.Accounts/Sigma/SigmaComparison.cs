namespace Rampart.Accounts.Sigma;

/// <summary>One criterion of a correlation condition: <c>gte: 100</c>. Several are linked with AND (a range).</summary>
public readonly record struct SigmaComparison(SigmaComparisonOperator Operator, double Value)
{
    public bool IsSatisfiedBy(double actual) => Operator switch
    {
        SigmaComparisonOperator.Gt => actual > Value,
        SigmaComparisonOperator.Gte => actual >= Value,
        SigmaComparisonOperator.Lt => actual < Value,
        SigmaComparisonOperator.Lte => actual <= Value,
        SigmaComparisonOperator.Eq => actual == Value,
        SigmaComparisonOperator.Neq => actual != Value,
    };

    public override string ToString() => $"{Operator.ToString().ToLowerInvariant()} {Value}";
}
