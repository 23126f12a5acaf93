using Ratsworkflow.Functions.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

public sealed class SampleOrganizationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rw-orgs-").FullName;

    [Fact]
    public void Load_ShippedSample_GoettingenLikeCity()
    {
        var catalog = SampleOrganizations.Load();

        Assert.Equal("goettingen", catalog.Body.Id);
        Assert.Equal("A", catalog.Body.ReferencePrefix);
        Assert.Contains(catalog.Clerks, c => c.Email == "ratsbuero@example.org");
        Assert.InRange(catalog.OfKind(OrganizationKind.Faction).Count(), 5, 6);
        Assert.Contains(catalog.Organizations, o => o.Name == "Ausschuss für Soziales, Integration und Gleichstellung" && o.Kind == OrganizationKind.Committee);
        Assert.Contains(catalog.Organizations, o => o.Name == "Ausschuss für Finanzen" && o.Kind == OrganizationKind.Committee);
        Assert.Contains(catalog.Organizations, o => o.Name == "Verwaltungsausschuss" && o.Kind == OrganizationKind.Committee);
        Assert.Equal("Rat der Stadt Göttingen", catalog.Council.Name);
    }

    [Fact]
    public void Load_ShippedSample_IntegrationsratWithSevenVotingAndAdvisoryMembers()
    {
        var beirat = SampleOrganizations.Load().AdvisoryBoard;

        Assert.NotNull(beirat);
        Assert.Equal("Integrationsrat", beirat.Name);
        Assert.Equal(7, beirat.VotingMemberCount);
        Assert.InRange(beirat.Members.Count(m => !m.IsVoting), 1, 2);
    }

    [Fact]
    public void Load_ShippedSample_EveryAddressAtExampleOrg()
    {
        var catalog = SampleOrganizations.Load();
        var addresses = catalog.Clerks.Select(c => c.Email)
            .Concat(catalog.Organizations.Select(o => o.Email).OfType<string>())
            .Concat(catalog.Organizations.SelectMany(o => o.Members).Select(m => m.Email));

        Assert.All(addresses, a => Assert.EndsWith("@example.org", a, StringComparison.Ordinal));
        Assert.Contains("spd-fraktion@example.org", catalog.Organizations.Select(o => o.Email));
    }

    [Fact]
    public void Load_UnknownProperty_ThrowsNamingTheFile()
    {
        var path = Write("""{ "body": { "id": "x", "name": "X", "referencePrefix": "A", "timezone": "Europe/Berlin" }, "clerks": [], "organizations": [] }""");

        var error = Assert.Throws<InvalidDataException>(() => SampleOrganizations.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingMembers_Throws()
    {
        var path = Write("""
            { "body": { "id": "x", "name": "X", "referencePrefix": "A" },
              "clerks": [ { "name": "Ratsbüro", "email": "rb@example.org" } ],
              "organizations": [ { "id": "rat", "name": "Rat", "kind": "Council", "email": null } ] }
            """);

        Assert.Throws<InvalidDataException>(() => SampleOrganizations.Load(path));
    }

    [Fact]
    public void Load_CatalogWithoutCouncil_ThrowsWithTheProblem()
    {
        var path = Write("""
            { "body": { "id": "x", "name": "X", "referencePrefix": "A" },
              "clerks": [ { "name": "Ratsbüro", "email": "rb@example.org" } ],
              "organizations": [] }
            """);

        var error = Assert.Throws<InvalidDataException>(() => SampleOrganizations.Load(path));

        Assert.Contains("genau einen Rat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidOwnFile_ReturnsIt()
    {
        var path = Write("""
            { "body": { "id": "musterstadt", "name": "Musterstadt", "referencePrefix": "DS" },
              "clerks": [ { "name": "Ratsbüro", "email": "rb@example.org" } ],
              "organizations": [ { "id": "rat", "name": "Rat", "kind": "Council", "email": null, "members": [] } ] }
            """);

        var catalog = SampleOrganizations.Load(path);

        Assert.Equal("DS", catalog.Body.ReferencePrefix);
        Assert.Equal("Europe/Berlin", catalog.Body.TimeZone);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
