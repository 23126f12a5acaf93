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

    /// <summary>A new user reads in the README who can sign in as a clerk and where each faction's mails go.</summary>
    [Fact]
    public void Readme_SampleConfiguration_NamesEveryClerkAddressFactionMailboxAndHowMaildevIsChosen()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(App, "Organizations", "SampleOrganizations.json")));
        var clerks = sample.RootElement.GetProperty("clerks").EnumerateArray().Select(c => c.GetProperty("email").GetString()!);
        var factions = sample.RootElement.GetProperty("organizations").EnumerateArray()
            .Where(o => o.GetProperty("kind").GetString() == "Faction").Select(o => o.GetProperty("email").GetString()!);

        Assert.All(clerks.Concat(factions), address => Assert.Contains(address, readme, StringComparison.Ordinal));
        Assert.Contains("Email__Smtp__Host=localhost", readme, StringComparison.Ordinal);
    }
}
