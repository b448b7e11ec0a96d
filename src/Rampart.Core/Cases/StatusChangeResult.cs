namespace Rampart.Core.Cases;

/// <summary>The outcome of a status change and the status the case had (or still has, when refused).</summary>
public sealed record StatusChangeResult(StatusChangeOutcome Outcome, CaseStatus? Current, CaseStatus Requested)
{
    /// <summary>A sentence for people: why a move was refused.</summary>
    public string Describe() => Outcome switch
    {
        StatusChangeOutcome.Changed => $"moved to {Requested.ToWire()}",
        StatusChangeOutcome.NotFound => "no such case",
        StatusChangeOutcome.NotAllowed => Current is { } current
            ? $"a {current.ToWire()} case cannot move to {Requested.ToWire()}" +
              (CaseStatuses.Next(current) is { } next ? $" (next allowed: {next.ToWire()})" : " (released is final)")
            : $"cannot move to {Requested.ToWire()}",
    };
}
