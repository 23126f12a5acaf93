using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>One Azurite for the custom-handler tests; each app uses its own task hub unless a test needs host.json's.</summary>
[CollectionDefinition(Name)]
public sealed class FunctionsHostCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Functions host";
}
