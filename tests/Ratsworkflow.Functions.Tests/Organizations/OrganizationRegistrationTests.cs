using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

public class OrganizationRegistrationTests
{
    [Fact]
    public void AddOrganizations_NoConfiguration_Defaults()
    {
        var options = Resolve([]);

        Assert.Equal("organizations", options.TableName);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RefreshInterval);
        Assert.Null(options.SeedFile);
    }

    [Fact]
    public void AddOrganizations_Configured_TakesSectionOrganizations()
    {
        var options = Resolve(new() { ["Organizations:TableName"] = "gremien", ["Organizations:RefreshInterval"] = "00:00:05" });

        Assert.Equal("gremien", options.TableName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RefreshInterval);
    }

    [Theory]
    [InlineData("Organizations:TableName", "my-table")]
    [InlineData("Organizations:RefreshInterval", "00:00:00")]
    public void AddOrganizations_InvalidSetting_RefusedWithMessage(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

    private static OrganizationOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddOrganizations(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<OrganizationOptions>>().Value;
    }
}
