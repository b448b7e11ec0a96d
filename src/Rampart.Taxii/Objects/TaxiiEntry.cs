using Rampart.Core.Markings;

namespace Rampart.Taxii.Objects;

/// <summary>One version of one object as a collection serves it: when it was added to the collection, and the object as stored.</summary>
/// <param name="DateAdded">Microseconds since the Unix epoch, assigned by the store, strictly increasing.</param>
/// <param name="Modified">The version; null for objects that have none (cyber-observables, marking definitions).</param>
public sealed record TaxiiEntry(long DateAdded, string Id, string Type, DateTimeOffset? Modified, Tlp? Tlp, string Json);
