namespace Rampart.Taxii.Tests;

/// <summary>One server for the conformance tests: starting one costs a store migration and five password hashes.</summary>
[CollectionDefinition(Name)]
public sealed class TaxiiServerCollection : ICollectionFixture<TaxiiServerFixture>
{
    public const string Name = "taxii server";
}
