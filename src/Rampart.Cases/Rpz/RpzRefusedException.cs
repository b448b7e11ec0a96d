namespace Rampart.Cases.Rpz;

/// <summary>An export that would publish what must not be published (a draft or filed case), or names nothing that exists.</summary>
public sealed class RpzRefusedException(string message) : Exception(message);
