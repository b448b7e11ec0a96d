namespace Rampart.Accounts.Sigma;

internal enum FieldRefMode
{
    Equals,
    StartsWith,
    EndsWith,
    Contains,
}
