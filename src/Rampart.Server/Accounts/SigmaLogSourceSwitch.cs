namespace Rampart.Server.Accounts;

/// <summary>Body of <c>PUT /api/v1/rules/logsources</c>: one log source's rule set on or off.</summary>
public sealed record SigmaLogSourceSwitch(string? Product, string? Service, string? Category, bool Enabled);
