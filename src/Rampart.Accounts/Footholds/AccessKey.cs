namespace Rampart.Accounts.Footholds;

/// <summary>An account and one address (<c>ip</c>) or client app (<c>app</c>) it was used from.</summary>
internal readonly record struct AccessKey(string Account, string By, string Value);
