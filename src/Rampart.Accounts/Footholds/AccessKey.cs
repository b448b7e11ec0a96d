namespace Rampart.Accounts.Footholds;

/// <summary>An account and one address (<c>ip</c>), client app (<c>app</c>) or session (<c>session</c>) it was used from.</summary>
internal readonly record struct AccessKey(string Account, string By, string Value);
