namespace Rampart.Detection.Verdicts;

/// <summary>
/// One reason behind a verdict, for a person to read and act on. Any engine can add its own: a
/// stable <paramref name="Code"/> for programs, <paramref name="Text"/> for people, the
/// <paramref name="Evidence"/> it rests on, and optionally the characters of the input it is about
/// (<paramref name="Start"/>, <paramref name="Length"/>) so a screen can mark them — e.g. a lookalike
/// engine's "'rn' at 3–4 imitates 'm'".
/// </summary>
/// <param name="Weight">What the reason adds to the score (0–100) when no indicator matched.</param>
public sealed record VerdictReason(string Code, string Text, string? Evidence = null, int? Start = null, int? Length = null, int Weight = 0)
{
    /// <summary>Codes of the reasons this engine gives (others add their own).</summary>
    public static class Codes
    {
        public const string Indicator = "indicator";
        public const string BareIpUrl = "bare-ip-url";
        public const string UrlShortener = "url-shortener";
        public const string NoMatch = "no-match";
        public const string Allowlisted = "allowlisted";
        public const string Invalid = "invalid";
    }
}
