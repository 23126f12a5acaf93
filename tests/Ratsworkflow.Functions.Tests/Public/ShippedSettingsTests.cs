using System.Text.Json;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Public;

/// <summary>The shipped configuration names the same municipality as the sample catalog it loads on first start.</summary>
public sealed class ShippedSettingsTests
{
    private static readonly string App = Path.Combine(RepositoryPaths.Root, "functions", "Ratsworkflow.Functions");

    [Fact]
    public void Municipality_ShippedSettings_IsTheSampleCatalogsBody()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "appsettings.json")));
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "Organizations", "SampleOrganizations.json")));

        var municipality = settings.RootElement.GetProperty("Web").GetProperty("Municipality").GetString();

        Assert.Equal(sample.RootElement.GetProperty("body").GetProperty("name").GetString(), municipality);
        Assert.Contains("Göttingen", settings.RootElement.GetProperty("Web").GetProperty("PostalAddress").GetString(), StringComparison.Ordinal);
    }
}
