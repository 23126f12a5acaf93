using Xunit;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>All browser tests share one app and one browser; mark a test class with <c>[Collection(AppCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}
