namespace Rampart.Intel.Exports;

/// <summary>How many indicators went into a blocking export and how many its format cannot express.</summary>
public sealed record BlockingExportResult(int Written, int Skipped);
