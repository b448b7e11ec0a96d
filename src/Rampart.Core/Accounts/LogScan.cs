namespace Rampart.Core.Accounts;

/// <summary>One run of <c>rampart logs scan</c>: what it read and how much it found.</summary>
public sealed record LogScan(string Id, DateTimeOffset At, IReadOnlyList<string> Files, long Events, long Problems, int Rules, int Matches);
