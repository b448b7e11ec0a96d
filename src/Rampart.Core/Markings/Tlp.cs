namespace Rampart.Core.Markings;

/// <summary>
/// Traffic Light Protocol 2.0 levels, least restricted first so levels compare with &lt; and &gt;.
/// TLP 1.0's WHITE is CLEAR; its AMBER (no STRICT in 1.0) is AMBER.
/// </summary>
public enum Tlp
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}
