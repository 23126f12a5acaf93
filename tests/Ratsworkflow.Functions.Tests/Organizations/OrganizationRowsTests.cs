using Azure.Data.Tables;
using Ratsworkflow.Functions.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

public class OrganizationRowsTests
{
    [Fact]
    public void ToCatalog_RowsOfSample_SameCatalogInSameOrder()
    {
        var sample = TestCatalog.Sample;
        // Row keys sort differently from the file; the order column must restore it.
        var rows = OrganizationRows.ToEntities(sample).Reverse().ToList();

        var catalog = OrganizationRows.ToCatalog(rows);

        Assert.Equal(sample.Body, catalog.Body);
        Assert.Equal(sample.Clerks, catalog.Clerks);
        Assert.Equal(sample.Organizations.Select(o => o.Id), catalog.Organizations.Select(o => o.Id));
        Assert.Equal(sample.Find(TestCatalog.Integrationsrat)!.Members, catalog.Find(TestCatalog.Integrationsrat)!.Members);
    }

    [Fact]
    public void ToCatalog_OrganizationWithArticle_KeepsIt()
    {
        var sample = TestCatalog.Sample with { Organizations = [.. TestCatalog.Sample.Organizations.Select(o => o with { Article = o.Id == "spd" ? "die" : null })] };

        var catalog = OrganizationRows.ToCatalog(OrganizationRows.ToEntities(sample));

        Assert.Equal("die", catalog.Find("spd")!.Article);
        Assert.Null(catalog.Find("rat")!.Article);
    }

    [Fact]
    public void ToEntities_Sample_OnePartitionWithinOneTransaction()
    {
        var rows = OrganizationRows.ToEntities(TestCatalog.Sample);

        Assert.All(rows, r => Assert.Equal(OrganizationRows.Partition, r.PartitionKey));
        Assert.InRange(rows.Count, 1, OrganizationRows.MaxRows);
        Assert.Equal(rows.Count, rows.Select(r => r.RowKey).Distinct().Count());
    }

    [Fact]
    public void ToCatalog_NoBodyRow_ThrowsInvalidData()
    {
        var rows = OrganizationRows.ToEntities(TestCatalog.Sample).Where(r => r.RowKey != "body").ToList();

        Assert.Throws<InvalidDataException>(() => OrganizationRows.ToCatalog(rows));
    }

    [Theory]
    [InlineData("Kind", "Partei")]
    [InlineData("Members", "[{")]
    public void ToCatalog_BrokenOrganizationRow_ThrowsNamingTheRow(string column, string value)
    {
        var rows = OrganizationRows.ToEntities(TestCatalog.Sample).ToList();
        var row = rows.Single(r => r.RowKey == "organization-spd");
        row[column] = value;

        var error = Assert.Throws<InvalidDataException>(() => OrganizationRows.ToCatalog(rows));

        Assert.Contains("organization-spd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCatalog_MissingName_ThrowsNamingTheColumn()
    {
        var rows = OrganizationRows.ToEntities(TestCatalog.Sample).ToList();
        rows.Single(r => r.RowKey == "organization-rat").Remove("Name");

        var error = Assert.Throws<InvalidDataException>(() => OrganizationRows.ToCatalog(rows));

        Assert.Contains("„Name“", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCatalog_RowWithoutTimeZone_DefaultsToBerlin()
    {
        var rows = OrganizationRows.ToEntities(TestCatalog.Sample).ToList();
        rows.Single(r => r.RowKey == "body").Remove("TimeZone");

        Assert.Equal("Europe/Berlin", OrganizationRows.ToCatalog(rows).Body.TimeZone);
    }

    [Fact]
    public void ToEntities_Members_StoredAsJsonWithoutLosingRoles()
    {
        var row = OrganizationRows.ToEntities(TestCatalog.Sample).Single(r => r.RowKey == "organization-integrationsrat");

        Assert.Contains("\"role\":\"Vorsitzende\"", row.GetString("Members"), StringComparison.Ordinal);
        Assert.IsType<TableEntity>(row);
    }
}
