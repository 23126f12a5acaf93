using Xunit;

namespace Ratsworkflow.Reliability.Tests;

/// <summary>One scenario at a time: each runs one or two apps, Azurite and maildev on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability";
}
