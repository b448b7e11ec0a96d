using Rampart.Core.Markings;
using Rampart.Detection.Verdicts;
using Rampart.Intel.Exports;

namespace Rampart.Server.Detection;

/// <summary>
/// A verdict is a way out too: its matches name indicators (value, source, actor, id). For a caller
/// whose TLP ceiling a matched indicator is above, the hit still protects — the disposition and score
/// stand, because blocking a value the caller already holds discloses nothing it did not ask about —
/// but the match and its reason are replaced by one <see cref="WithheldCode"/> reason without details.
/// A TLP:RED hit is left out altogether, as if the indicator were absent: RED is for the eyes of its
/// named recipients only, and even a "malicious" answer would pass on that it exists. Both are counted
/// by the caller's <see cref="MarkingGate"/>; the count the caller sees leaves RED out, for the same reason.
/// </summary>
public static class VerdictMarkings
{
    /// <summary>The reason given for hits above the caller's ceiling, in place of their details.</summary>
    public const string WithheldCode = "indicator-withheld";

    public static Verdict Apply(Verdict verdict, MarkingGate gate)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(gate);
        if (verdict.Matches.Count == 0)
        {
            return verdict;
        }

        // The engine explains each match with one "indicator" reason, in the order of the matches.
        var explained = verdict.Reasons.Where(r => r.Code == VerdictReason.Codes.Indicator).ToList();
        var kept = new List<VerdictMatch>();
        var dropped = new HashSet<VerdictReason>(ReferenceEqualityComparer.Instance);
        var protecting = new List<VerdictMatch>();
        var red = 0;
        for (var i = 0; i < verdict.Matches.Count; i++)
        {
            var match = verdict.Matches[i];
            if (gate.Allows(match.Tlp))
            {
                kept.Add(match);
                continue;
            }

            if (i < explained.Count)
            {
                dropped.Add(explained[i]);
            }

            if (match.Tlp == Tlp.Red)
            {
                red++;
            }
            else
            {
                protecting.Add(match);
            }
        }

        if (kept.Count == verdict.Matches.Count)
        {
            return verdict;
        }

        var others = verdict.Reasons.Where(r => !dropped.Contains(r)).ToList();
        if (protecting.Count > 0)
        {
            var strongest = protecting.Max(m => m.Confidence);
            others.Add(new VerdictReason(
                WithheldCode,
                $"matches {protecting.Count} indicator(s) marked above your TLP ceiling ({gate.Maximum.ToWire()}); their details are withheld",
                Weight: strongest));
        }

        if (kept.Count > 0 || protecting.Count > 0)
        {
            // RED confidence must not show through the score either.
            var score = red == 0 ? verdict.Score : kept.Concat(protecting).Max(m => m.Confidence);
            return verdict with { Disposition = Disposition.Malicious, Score = score, Reasons = others, Matches = kept };
        }

        // Only RED hits: the answer the engine gives without them.
        var signals = others.Where(r => r.Code is not VerdictReason.Codes.Indicator and not VerdictReason.Codes.NoMatch).ToList();
        if (signals.Count == 0)
        {
            return verdict with
            {
                Disposition = Disposition.Clean,
                Score = 0,
                Reasons = [new VerdictReason(VerdictReason.Codes.NoMatch, "no live indicator matches", verdict.Normalized)],
                Matches = [],
            };
        }

        var disposition = signals.All(r => r.Code == VerdictReason.Codes.Allowlisted) ? Disposition.Allowlisted : Disposition.Suspicious;
        return verdict with { Disposition = disposition, Score = Math.Min(100, signals.Max(r => r.Weight)), Reasons = signals, Matches = [] };
    }
}
