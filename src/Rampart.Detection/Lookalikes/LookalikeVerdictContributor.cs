using Rampart.Core.Indicators;
using Rampart.Detection.Verdicts;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// The one place lookalike screening meets the verdict engine: the host of a domain, URL or e-mail
/// verdict is screened, and a suspicious lookalike raises the verdict to at least suspicious with
/// the lookalike's score and reasons. A known indicator (malicious) stays malicious, with the
/// lookalike reasons added. The engine is built on first use, so verbs that never check pay nothing.
/// </summary>
public sealed class LookalikeVerdictContributor(Func<LookalikeEngine> create)
{
    private readonly Lazy<LookalikeEngine> _engine = new(create);

    public LookalikeVerdictContributor()
        : this(() => LookalikeEngine.CreateDefault())
    {
    }

    public Verdict Contribute(Verdict verdict)
    {
        if (Host(verdict) is not { Length: > 0 } host)
        {
            return verdict;
        }

        var result = _engine.Value.Screen(host);
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

    /// <summary>A stable code for programs: <c>lookalike-glyph-trick</c> for <see cref="LookalikeTechnique.GlyphTrick"/>.</summary>
    public static string Code(LookalikeTechnique technique) =>
        "lookalike" + string.Concat(technique.ToString().Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    private static string? Host(Verdict verdict) => verdict.Type switch
    {
        IndicatorType.Domain => verdict.Normalized,
        IndicatorType.Url => Uri.TryCreate(verdict.Normalized, UriKind.Absolute, out var uri) && uri.HostNameType == UriHostNameType.Dns
            && IndicatorValueParser.TryGetIdnHost(uri, out var host) ? host : null,
        IndicatorType.Email => verdict.Normalized?[(verdict.Normalized.LastIndexOf('@') + 1)..],
        _ => null,
    };
}
