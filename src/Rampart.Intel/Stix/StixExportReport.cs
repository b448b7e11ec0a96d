using Rampart.Intel.Exports;

namespace Rampart.Intel.Stix;

/// <summary>How many objects a bundle export wrote and what the markings held back.</summary>
public sealed record StixExportReport(int Objects, MarkingGate Gate);
