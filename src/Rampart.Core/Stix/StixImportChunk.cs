namespace Rampart.Core.Stix;

/// <summary>
/// A chunk of a bundle's objects on its way to the store, with what the writer worked out from it ahead of the
/// write (<see cref="IStixImportWriter.Prepare"/>).
/// </summary>
public abstract class StixImportChunk(IReadOnlyList<StixObjectVersion> objects)
{
    public IReadOnlyList<StixObjectVersion> Objects { get; } = objects ?? throw new ArgumentNullException(nameof(objects));
}
