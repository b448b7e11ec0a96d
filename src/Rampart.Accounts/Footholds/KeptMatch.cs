using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>A record that a rule matched, kept for the analysis in time order.</summary>
internal sealed record KeptMatch(AuditEvent Event, SigmaDocument Rule, RuleRole Role, long Sequence)
{
    public DateTimeOffset Time => Event.Timestamp ?? DateTimeOffset.MinValue;
}
