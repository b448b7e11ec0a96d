namespace Rampart.Accounts.Sigma;

public enum SigmaComparisonOperator
{
    Gt,
    Gte,
    Lt,
    Lte,
    Eq,
    Neq,
}
