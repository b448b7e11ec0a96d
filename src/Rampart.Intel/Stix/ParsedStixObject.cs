using Rampart.Core.Stix;

namespace Rampart.Intel.Stix;

/// <summary>
/// One object read from a bundle: the version to store, the ids it references (checked for
/// dangling ones once the whole bundle is read), the names it goes by (intrusion sets and threat
/// actors, for resolving actors) and why parts of its pattern are not enforced. A struct: the import
/// reads it once and keeps only <see cref="Version"/>, so it need not be one more object per STIX object.
/// </summary>
public readonly record struct ParsedStixObject(
    StixObjectVersion Version,
    IReadOnlyList<(string Field, string Id)> References,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> NotEnforced);
