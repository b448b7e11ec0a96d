using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// What a built-in rule means to the footholds analysis, read from its tags: it creates or removes a
/// foothold, records a password reset or a session revocation, or is a plain finding. A rule without
/// <c>rampart.*</c> tags (any SigmaHQ rule) is a finding.
/// </summary>
public readonly record struct RuleRole(FootholdKind? Creates, FootholdKind? Removes, ResetKind? Reset, bool CompromiseSignal)
{
    public static RuleRole Of(SigmaDocument rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        FootholdKind? creates = null;
        FootholdKind? removes = null;
        ResetKind? reset = null;
        var compromise = false;
        foreach (var tag in rule.Tags)
        {
            var span = tag.AsSpan();
            if (span.StartsWith("rampart.foothold.", StringComparison.OrdinalIgnoreCase) && FootholdKinds.TryParseTagWord(span["rampart.foothold.".Length..], out var c))
            {
                creates = c;
            }
            else if (span.StartsWith("rampart.removes.", StringComparison.OrdinalIgnoreCase) && FootholdKinds.TryParseTagWord(span["rampart.removes.".Length..], out var r))
            {
                removes = r;
            }
            else if (span.Equals("rampart.revoke", StringComparison.OrdinalIgnoreCase))
            {
                reset = ResetKind.SessionsRevoked;
            }
            else if (span.StartsWith("rampart.reset.", StringComparison.OrdinalIgnoreCase))
            {
                reset = span["rampart.reset.".Length..] switch
                {
                    "admin_reset" => ResetKind.AdminReset,
                    "self_service" => ResetKind.SelfService,
                    _ => ResetKind.UserChange,
                };
            }
            else if (span.Equals("rampart.compromise", StringComparison.OrdinalIgnoreCase))
            {
                compromise = true;
            }
        }

        return new RuleRole(creates, removes, reset, compromise);
    }

    /// <summary>True when the rule is bookkeeping (a removal, a reset) rather than something to report as a finding.</summary>
    public bool IsBookkeeping => Removes is not null || Reset is not null;
}
