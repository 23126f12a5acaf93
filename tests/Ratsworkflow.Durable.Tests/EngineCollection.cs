using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "engine";
}
