using Ratsworkflow.Functions.Submission;
using Ratsworkflow.Functions.Tests.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Submission;

/// <summary>The requested Beratungsfolge of a submission.</summary>
public class ConsultationsValidationTests
{
    [Fact]
    public void Validate_KnownCommitteesInAnyOrder_Accepted() =>
        Assert.Empty(Validate(TestCatalog.Administrative, TestCatalog.Social));

    [Fact]
    public void Validate_NoConsultations_AcceptedCouncilDecidesDirectly() => Assert.Empty(Validate());

    [Fact]
    public void Validate_Council_RefusedBecauseItIsAlwaysLast() =>
        Assert.Equal(["Der Rat der Stadt Göttingen entscheidet immer zuletzt und wird nicht in der Beratungsfolge angegeben."], Validate(TestCatalog.Council)["consultations"]);

    [Fact]
    public void Validate_Beirat_RefusedPointsToBeiratReview() =>
        Assert.Equal(["Der Integrationsrat wird über „Beirat beteiligen“ einbezogen, nicht über die Beratungsfolge."], Validate(TestCatalog.Integrationsrat)["consultations"]);

    [Fact]
    public void Validate_Faction_Refused() =>
        Assert.Equal(["„SPD-Ratsfraktion“ ist kein Ausschuss; in der Beratungsfolge stehen nur Ausschüsse."], Validate(TestCatalog.Faction)["consultations"]);

    [Fact]
    public void Validate_UnknownId_Refused() =>
        Assert.Equal(["„bauausschuss“ ist kein bekanntes Gremium."], Validate("bauausschuss")["consultations"]);

    [Fact]
    public void Validate_SameCommitteeTwice_RefusedOnce() =>
        Assert.Equal(["„Ausschuss für Finanzen“ ist mehrfach angegeben; jedes Gremium berät den Antrag nur einmal."],
            Validate(TestCatalog.Finance, TestCatalog.Social, TestCatalog.Finance, TestCatalog.Finance)["consultations"]);

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Validate_EmptyEntry_Refused(string? id) =>
        Assert.Equal(["Bitte wählen Sie für jede Beratung ein Gremium aus."], Validate(TestCatalog.Social, id)["consultations"]);

    [Fact]
    public void Validate_MoreThanTwentyEntries_OneMessage() =>
        Assert.Equal(["Die Beratungsfolge darf höchstens 20 Gremien enthalten."],
            Validate(Enumerable.Range(0, 21).Select(i => $"unbekannt-{i}").ToArray())["consultations"]);

    [Fact]
    public void Validate_HugeUnknownId_QuotedShortened()
    {
        var message = Assert.Single(Validate(new string('x', 5000))["consultations"]);

        Assert.True(message.Length < 120, message);
        Assert.Contains("…“", message, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, string[]> Validate(params string?[] consultations) =>
        MotionSubmissionValidator.Validate(ValidSubmission.Create() with { Consultations = consultations }, TestCatalog.Sample);
}
