namespace Rampart.Accounts.Sigma;

/// <summary>The YAML core-schema type of a scalar: Sigma compares numbers and strings alike, but null is its own value.</summary>
internal enum YScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
