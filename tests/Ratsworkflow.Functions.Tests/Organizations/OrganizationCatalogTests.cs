using Ratsworkflow.Functions.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

public class OrganizationCatalogTests
{
    private readonly OrganizationCatalog _catalog = TestCatalog.Sample;

    [Fact]
    public void Find_KnownId_ReturnsOrganization() => Assert.Equal("Ausschuss für Finanzen", _catalog.Find(TestCatalog.Finance)?.Name);

    [Theory]
    [InlineData("unbekannt")]
    [InlineData("SPD")]
    [InlineData(null)]
    public void Find_UnknownOrDifferentlyCasedId_Null(string? id) => Assert.Null(_catalog.Find(id));

    [Fact]
    public void Council_SampleCatalog_TheRat() => Assert.Equal(TestCatalog.Council, _catalog.Council.Id);

    [Fact]
    public void AdvisoryBoard_NoneConfigured_Null() => Assert.Null(TestCatalog.WithoutAdvisoryBoard().AdvisoryBoard);

    [Fact]
    public void OfKind_Committee_OnlyCommittees() =>
        Assert.Equal([TestCatalog.Social, TestCatalog.Finance, TestCatalog.Administrative], _catalog.OfKind(OrganizationKind.Committee).Select(o => o.Id));

    [Fact]
    public void NameOf_IdNoLongerConfigured_FallsBackToId() => Assert.Equal("alt", _catalog.NameOf("alt"));

    [Fact]
    public void VotingMembers_Integrationsrat_LeavesOutAdvisoryMembers()
    {
        var beirat = _catalog.Find(TestCatalog.Integrationsrat)!;

        Assert.Equal(7, beirat.VotingMembers.Count());
        Assert.All(beirat.VotingMembers, m => Assert.True(m.IsVoting));
    }

    [Theory]
    [InlineData("2026-03-31T21:59:00Z", "2026-03-31")]
    [InlineData("2026-03-31T22:00:00Z", "2026-04-01")]
    [InlineData("2026-01-15T23:00:00Z", "2026-01-16")]
    [InlineData("2026-01-15T22:59:59Z", "2026-01-15")]
    public void Today_UtcInstant_CalendarDayInTheTownHall(string utc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), _catalog.Body.Today(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
}
