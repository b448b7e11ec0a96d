namespace Rampart.Taxii.Client;

/// <summary>One page a pull fetched: the envelope's objects (each as raw JSON), and the headers and properties that say where to go on.</summary>
public sealed record TaxiiObjectsPage(IReadOnlyList<ReadOnlyMemory<byte>> Objects, bool More, string? Next, string? DateAddedFirst, string? DateAddedLast);
