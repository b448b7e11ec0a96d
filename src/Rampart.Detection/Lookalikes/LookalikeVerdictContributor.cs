using Rampart.Detection.Verdicts;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// The one place lookalike screening meets the verdict engine: the host of a domain, URL or e-mail
/// verdict, as the engine normalized it, is screened, and a suspicious lookalike raises the verdict to at least suspicious with
/// the lookalike's score and reasons. A known indicator (malicious) stays malicious, with the
/// lookalike reasons added. A clean value on an allowlist becomes allowlisted, saying which entry. The engine is built on first use, so verbs that never check pay nothing.
/// </summary>
public sealed class LookalikeVerdictContributor(Func<LookalikeEngine> create)
{
    private readonly Lazy<LookalikeEngine> _engine = new(create);

    public LookalikeVerdictContributor()
        : this(() => LookalikeEngine.CreateDefault())
    {
    }

    /// <summary>Screens <paramref name="host"/>, the normalized host name the verdict is about (null: nothing to screen).</summary>
    public Verdict Contribute(Verdict verdict, string? host)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (host is not { Length: > 0 })
        {
            return verdict;
        }

        var result = _engine.Value.Screen(host);
        if (result.Level == LookalikeLevel.Allowlisted && verdict.Disposition == Disposition.Clean)
        {
            // Nothing known against it and on an allowlist (a brand's own, a CDN edge, a popular
            // site): say so, with the list entry as the reason. A matching indicator still wins.
            return verdict with
            {
                Disposition = Disposition.Allowlisted,
                Reasons = [.. verdict.Reasons.Where(r => r.Code != VerdictReason.Codes.NoMatch), .. result.Findings.Select(f => Reason(f, host))],
            };
        }

        if (!result.IsFlagged)
        {
            return verdict;
        }

        var disposition = verdict.Disposition == Disposition.Malicious ? Disposition.Malicious : Disposition.Suspicious;
        var kept = verdict.Reasons.Where(r => r.Code != VerdictReason.Codes.NoMatch);
        return verdict with
        {
            Disposition = disposition,
            Score = Math.Max(verdict.Score, result.Score),
            Reasons = [.. kept, .. result.Findings.Select(f => Reason(f, host))],
        };
    }

    // Positions are within the host, so the host is the evidence a screen marks them in.
    private static VerdictReason Reason(LookalikeFinding finding, string host) =>
        new(Code(finding.Technique), finding.Reason, host, finding.Start, finding.End - finding.Start, finding.Score);

    /// <summary>A stable code for programs: <c>lookalike-glyph-trick</c> for <see cref="LookalikeTechnique.GlyphTrick"/>, <c>allowlisted</c> for an allowlist entry.</summary>
    public static string Code(LookalikeTechnique technique) => technique == LookalikeTechnique.Allowlisted ? VerdictReason.Codes.Allowlisted :
        "lookalike" + string.Concat(technique.ToString().Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
