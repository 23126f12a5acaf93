using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Storage;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

public class MotionDomainRegistrationTests
{
    [Fact]
    public void AddMotionDomain_WithStorageClients_ResolvesStoreAndDefaultRules()
    {
        using var services = Build([]);

        Assert.NotNull(services.GetRequiredService<OrganizationStore>());
        Assert.Equal(0.5m, services.GetRequiredService<IOptions<BeiratRules>>().Value.QuorumShare);
    }

    [Fact]
    public void AddMotionDomain_QuorumConfigured_TakesSectionBeirat()
    {
        using var services = Build(new() { ["Beirat:QuorumShare"] = "0.25" });

        Assert.Equal(0.25m, services.GetRequiredService<IOptions<BeiratRules>>().Value.QuorumShare);
    }

    [Fact]
    public void AddMotionDomain_QuorumOfOne_Refused()
    {
        using var services = Build(new() { ["Beirat:QuorumShare"] = "1" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BeiratRules>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddStorageClients(configuration)
            .AddMotionDomain(configuration)
            .BuildServiceProvider();
    }
}
