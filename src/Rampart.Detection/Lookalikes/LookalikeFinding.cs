namespace Rampart.Detection.Lookalikes;

/// <summary>
/// One reason a name is suspicious, with the positions (0-based, inclusive, in the name as shown)
/// of the characters that do the imitating, so a screen can mark them. Brand is null for signals
/// that are not about a brand (wording, TLD, hosting).
/// </summary>
public sealed record LookalikeFinding(LookalikeTechnique Technique, int Score, string Reason, string? Brand, string? Imitates, int Start, int End);
