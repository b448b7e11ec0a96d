namespace Rampart.Detection.Verdicts;

/// <summary>
/// Answers "is this dangerous?" for URLs, domains, IPs, e-mail addresses and hashes. The CLI's
/// <c>check</c>, the verdicts API and every later consumer go through this one interface.
/// </summary>
public interface IVerdictEngine
{
    /// <summary>The store revision of the indicators currently enforced.</summary>
    long Revision { get; }

    Verdict Check(string value);
}
