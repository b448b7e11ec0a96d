namespace Rampart.Accounts.Sigma;

/// <summary>The YAML type of a rule value: Sigma compares strings and numbers as text, null is "absent or null".</summary>
public enum SigmaValueKind
{
    Text,
    Number,
    Logical,
    Null,
}
