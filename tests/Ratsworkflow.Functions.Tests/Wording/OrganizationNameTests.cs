using Ratsworkflow.Functions.Tests.Organizations;
using Ratsworkflow.Functions.Wording;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Wording;

public sealed class OrganizationNameTests
{
    [Theory]
    [InlineData("Integrationsrat", "der Integrationsrat", "dem Integrationsrat", "den Integrationsrat", "des Integrationsrats", "im Integrationsrat", "vom Integrationsrat")]
    [InlineData("Rat der Stadt Göttingen", "der Rat der Stadt Göttingen", "dem Rat der Stadt Göttingen", "den Rat der Stadt Göttingen", "des Rats der Stadt Göttingen", "im Rat der Stadt Göttingen", "vom Rat der Stadt Göttingen")]
    [InlineData("Ausschuss für Finanzen", "der Ausschuss für Finanzen", "dem Ausschuss für Finanzen", "den Ausschuss für Finanzen", "des Ausschusses für Finanzen", "im Ausschuss für Finanzen", "vom Ausschuss für Finanzen")]
    [InlineData("SPD-Ratsfraktion", "die SPD-Ratsfraktion", "der SPD-Ratsfraktion", "die SPD-Ratsfraktion", "der SPD-Ratsfraktion", "in der SPD-Ratsfraktion", "von der SPD-Ratsfraktion")]
    [InlineData("Gruppe Volt/Die PARTEI", "die Gruppe Volt/Die PARTEI", "der Gruppe Volt/Die PARTEI", "die Gruppe Volt/Die PARTEI", "der Gruppe Volt/Die PARTEI", "in der Gruppe Volt/Die PARTEI", "von der Gruppe Volt/Die PARTEI")]
    [InlineData("Jugendparlament", "das Jugendparlament", "dem Jugendparlament", "das Jugendparlament", "des Jugendparlaments", "im Jugendparlament", "vom Jugendparlament")]
    [InlineData("Bezirksvertretung Mitte", "die Bezirksvertretung Mitte", "der Bezirksvertretung Mitte", "die Bezirksvertretung Mitte", "der Bezirksvertretung Mitte", "in der Bezirksvertretung Mitte", "von der Bezirksvertretung Mitte")]
    public void Forms_NameWithoutArticle_DeclinedByItsHeadNoun(string name, string nominative, string dative, string accusative, string genitive, string inPhrase, string fromPhrase)
    {
        var organization = OrganizationName.Of(name);

        Assert.Equal([nominative, dative, accusative, genitive, inPhrase, fromPhrase],
            [organization.Nominative, organization.Dative, organization.Accusative, organization.Genitive, organization.In, organization.From]);
    }

    [Fact]
    public void Forms_ArticleFromTheCatalog_WinsOverTheGuess()
    {
        var organization = OrganizationName.Of("Forum Innenstadt", "die");

        Assert.Equal("die Forum Innenstadt", organization.Nominative);
        Assert.Equal("Die Forum Innenstadt", OrganizationName.Capitalized(organization.Nominative));
    }

    [Fact]
    public void Catalog_SampleOrganizations_EachDeclinedAsWritten()
    {
        var catalog = TestCatalog.Sample;

        Assert.Equal("die Fraktion Bündnis 90/Die Grünen", catalog.Phrase("gruene").Nominative);
        Assert.Equal("im Verwaltungsausschuss", catalog.Phrase("verwaltungsausschuss").In);
        Assert.Equal("an den Integrationsrat", "an " + catalog.Phrase("integrationsrat").Accusative);
        Assert.Equal("der unbekannt", catalog.Phrase("unbekannt").Nominative); // an id no longer configured: shown as it is
    }
}
