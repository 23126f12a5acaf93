using System.Text.Json;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Organizations;

/// <summary>
/// The catalog as table rows, all in one partition: it is small, is always read whole, and one entity-group
/// transaction can write it, so two servers starting on an empty table cannot leave half a configuration.
/// </summary>
public static class OrganizationRows
{
    public const string Partition = "catalog";

    /// <summary>The most an entity-group transaction takes.</summary>
    public const int MaxRows = 100;

    private const string BodyRow = "body";
    private const string ClerkPrefix = "clerk-";
    private const string OrganizationPrefix = "organization-";

    public static IReadOnlyList<TableEntity> ToEntities(OrganizationCatalog catalog)
    {
        var rows = new List<TableEntity>
        {
            new(Partition, BodyRow)
            {
                ["Id"] = catalog.Body.Id,
                ["Name"] = catalog.Body.Name,
                ["ReferencePrefix"] = catalog.Body.ReferencePrefix,
                ["TimeZone"] = catalog.Body.TimeZone,
            },
        };
        // Clerk and organization rows carry their position, because row keys sort alphabetically and the order of
        // the file is the order people see in the form and the dashboard.
        rows.AddRange(catalog.Clerks.Select((clerk, i) => new TableEntity(Partition, $"{ClerkPrefix}{i:D3}")
        {
            ["Name"] = clerk.Name,
            ["Email"] = clerk.Email,
        }));
        rows.AddRange(catalog.Organizations.Select((organization, i) => new TableEntity(Partition, OrganizationPrefix + organization.Id)
        {
            ["Order"] = i,
            ["Id"] = organization.Id,
            ["Name"] = organization.Name,
            ["Kind"] = organization.Kind.ToString(),
            ["Email"] = organization.Email,
            ["Members"] = JsonSerializer.Serialize(organization.Members, JsonSerializerOptions.Web),
            ["Article"] = organization.Article,
        }));
        return rows;
    }

    /// <exception cref="InvalidDataException">A row is missing or unreadable; the message names it.</exception>
    public static OrganizationCatalog ToCatalog(IReadOnlyList<TableEntity> rows)
    {
        var body = rows.FirstOrDefault(r => r.RowKey == BodyRow)
            ?? throw new InvalidDataException($"Die Zeile „{BodyRow}“ (Körperschaft) fehlt in der Gremien-Tabelle.");
        var clerks = rows.Where(r => r.RowKey.StartsWith(ClerkPrefix, StringComparison.Ordinal))
            .OrderBy(r => r.RowKey, StringComparer.Ordinal)
            .Select(r => new Clerk(Text(r, "Name"), Text(r, "Email")))
            .ToList();
        var organizations = rows.Where(r => r.RowKey.StartsWith(OrganizationPrefix, StringComparison.Ordinal))
            .OrderBy(r => r.GetInt32("Order") ?? int.MaxValue)
            .ThenBy(r => r.RowKey, StringComparer.Ordinal)
            .Select(ToOrganization)
            .ToList();
        return new OrganizationCatalog(
            new Body(Text(body, "Id"), Text(body, "Name"), Text(body, "ReferencePrefix"),
                body.GetString("TimeZone") ?? "Europe/Berlin") { ChangedAt = body.Timestamp },
            clerks,
            organizations);
    }

    private static Organization ToOrganization(TableEntity row)
    {
        if (!Enum.TryParse<OrganizationKind>(row.GetString("Kind"), ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            throw new InvalidDataException($"Zeile „{row.RowKey}“: unbekannte Art „{row.GetString("Kind")}“.");
        }
        List<Member>? members;
        try
        {
            members = JsonSerializer.Deserialize<List<Member>>(row.GetString("Members") ?? "[]", JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Zeile „{row.RowKey}“: Die Mitgliederliste ist kein gültiges JSON ({e.Message}).", e);
        }
        return new Organization(Text(row, "Id"), Text(row, "Name"), kind, row.GetString("Email"), members ?? [])
        {
            Article = row.GetString("Article"), ChangedAt = row.Timestamp,
        };
    }

    private static string Text(TableEntity row, string column) =>
        row.GetString(column) ?? throw new InvalidDataException($"Zeile „{row.RowKey}“: Die Spalte „{column}“ fehlt.");
}
