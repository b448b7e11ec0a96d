using Rampart.Core.Markings;

namespace Rampart.Intel.Stix;

/// <summary>
/// What to export: everything, or one actor and everything related to it, optionally limited to
/// objects modified in [<see cref="From"/>, <see cref="Until"/>); nothing above <see cref="Maximum"/> leaves.
/// </summary>
public sealed record StixExportRequest(string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? Until = null, Tlp Maximum = TlpLevels.DefaultExportMaximum);
