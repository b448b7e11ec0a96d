namespace Rampart.Accounts.Footholds;

/// <summary>The verdict on one account.</summary>
public enum AccountStatus
{
    /// <summary>A sign of compromise: an address in the indicator store, or a high or critical finding.</summary>
    Compromised,

    /// <summary>No sign of compromise, but access or findings a person should look at.</summary>
    Review,
}
