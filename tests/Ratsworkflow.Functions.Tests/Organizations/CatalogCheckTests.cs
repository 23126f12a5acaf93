using Ratsworkflow.Functions.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

public class CatalogCheckTests
{
    private static readonly OrganizationCatalog Sample = TestCatalog.Sample;

    [Fact]
    public void Problems_ShippedSample_None() => Assert.Empty(CatalogCheck.Problems(Sample));

    [Fact]
    public void Problems_DuplicateOrganizationId_Named()
    {
        var catalog = Sample with { Organizations = [.. Sample.Organizations, Sample.Find(TestCatalog.Finance)!] };

        Assert.Contains(CatalogCheck.Problems(catalog), p => p.Contains("„ausschuss-finanzen“ ist mehrfach", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_SecondCouncil_Reported()
    {
        var catalog = Sample with { Organizations = [.. Sample.Organizations, new Organization("rat2", "Zweiter Rat", OrganizationKind.Council, null, [])] };

        Assert.Contains(CatalogCheck.Problems(catalog), p => p.Contains("genau einen Rat", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_UnknownArticle_Reported()
    {
        var catalog = Sample with { Organizations = [.. Sample.Organizations, new Organization("forum", "Forum", OrganizationKind.Committee, null, []) { Article = "dem" }] };

        Assert.Contains(CatalogCheck.Problems(catalog), p => p.Contains("Der Artikel „dem“", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Mars/Olympus")]
    public void Problems_BodyInAnotherTimeZone_Refused(string timeZone)
    {
        var catalog = Sample with { Body = Sample.Body with { TimeZone = timeZone } };

        Assert.Contains(CatalogCheck.Problems(catalog), p => p.Contains($"Die Zeitzone „{timeZone}“ wird nicht unterstützt", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_FactionWithoutAddress_Reported()
    {
        var catalog = Sample with { Organizations = [.. Sample.Organizations, new Organization("neu", "Neue Gruppe", OrganizationKind.Faction, null, [])] };

        Assert.Contains(CatalogCheck.Problems(catalog), p => p.Contains("registrierte E-Mail-Adresse", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Großer Ausschuss")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Problems_IdNotASlug_Reported(string id)
    {
        var catalog = Sample with { Organizations = [.. Sample.Organizations, new Organization(id, "X", OrganizationKind.Committee, null, [])] };

        Assert.Contains(CatalogCheck.Problems(catalog), p => p.Contains("Kleinbuchstaben", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_MemberWithInvalidAddressOrDuplicateId_Reported()
    {
        var members = new[] { new Member("m1", "A", "kein-at", true), new Member("m2", "B", "b@example.org", true), new Member("m2", "C", "c@example.org", true) };
        var catalog = Sample with { Organizations = [.. Sample.Organizations, new Organization("beirat2", "Seniorenbeirat", OrganizationKind.AdvisoryBoard, null, members)] };

        var problems = CatalogCheck.Problems(catalog);

        Assert.Contains(problems, p => p.Contains("Mitglied „A“", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("„m2“ ist mehrfach", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_NoClerkOrInvalidClerkAddress_Reported()
    {
        Assert.Contains(CatalogCheck.Problems(Sample with { Clerks = [] }), p => p.Contains("Ratsbüros", StringComparison.Ordinal));
        Assert.Contains(CatalogCheck.Problems(Sample with { Clerks = [new Clerk("Ratsbüro", "ratsbuero")] }), p => p.Contains("ungültige", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_BadBody_Reported()
    {
        var problems = CatalogCheck.Problems(Sample with { Body = new Body("Göttingen", "", "A/B", "Mars/Olympus") });

        Assert.Equal(3, problems.Count);
    }
}
