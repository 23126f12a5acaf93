using System.Text.Json;

namespace Ratsworkflow.Functions.Organizations;

/// <summary>
/// The configuration the store writes into an empty table: the sample for a Göttingen-like city shipped next to the
/// app, or a municipality's own file (<see cref="OrganizationOptions.SeedFile"/>).
/// </summary>
public static class SampleOrganizations
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Organizations", "SampleOrganizations.json");

    /// <summary>Strict, so a typo in a hand-written file is an error at the first start rather than a missing value.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <exception cref="InvalidDataException">The file is not a valid catalog; the message names what is wrong.</exception>
    public static OrganizationCatalog Load(string? path = null)
    {
        path ??= DefaultPath;
        OrganizationCatalog? catalog;
        try
        {
            using var stream = File.OpenRead(path);
            catalog = JsonSerializer.Deserialize<OrganizationCatalog>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        if (catalog is null)
        {
            throw new InvalidDataException($"{path}: Die Datei enthält keine Konfiguration.");
        }
        var problems = CatalogCheck.Problems(catalog);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path}: " + string.Join(" ", problems));
        }
        return catalog;
    }
}
