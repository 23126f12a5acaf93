using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

/// <summary>One Azurite for the organization tests that need storage; each test uses its own table.</summary>
[CollectionDefinition(Name)]
public sealed class OrganizationStorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Organization storage";
}
