namespace Rampart.Detection.Lookalikes;

/// <summary>The screening of one name: level, score 0–100 and the findings behind it.</summary>
/// <param name="Input">The text screened.</param>
/// <param name="Host">The canonical ASCII host, or null when the input is not a host name.</param>
/// <param name="Display">The name as a person reads it (Unicode labels decoded); positions refer to it.</param>
public sealed record LookalikeResult(string Input, string? Host, string? Display, LookalikeLevel Level, int Score, IReadOnlyList<LookalikeFinding> Findings)
{
    public const int SuspiciousScore = 40;
    public const int MaliciousScore = 80;

    public static LookalikeLevel LevelFor(int score) =>
        score >= MaliciousScore ? LookalikeLevel.Malicious : score >= SuspiciousScore ? LookalikeLevel.Suspicious : LookalikeLevel.Clean;

    /// <summary>One line for people: the top finding's reason, or why the name is clean.</summary>
    public string Summary { get; init; } = Findings.Count > 0 ? Findings[0].Reason : "imitates no protected brand";

    public bool IsFlagged => Level is LookalikeLevel.Suspicious or LookalikeLevel.Malicious;
}
