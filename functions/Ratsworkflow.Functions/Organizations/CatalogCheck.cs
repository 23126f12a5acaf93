using System.Text.RegularExpressions;
using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Organizations;

/// <summary>
/// What a catalog must satisfy before the workflow relies on it. A mistake in a municipality's configuration should
/// stop the app at load with a message naming the entry, not surface weeks later as a motion that cannot move on.
/// </summary>
public static partial class CatalogCheck
{
    public static IReadOnlyList<string> Problems(OrganizationCatalog catalog)
    {
        var problems = new List<string>();
        CheckBody(catalog.Body, problems);
        if (catalog.Clerks.Count == 0)
        {
            problems.Add("Es ist keine Adresse des Ratsbüros (clerks) eingetragen.");
        }
        foreach (var clerk in catalog.Clerks.Where(c => !EmailAddress.IsValid(c.Email)))
        {
            problems.Add($"Ratsbüro „{clerk.Name}“: ungültige E-Mail-Adresse „{clerk.Email}“.");
        }
        foreach (var duplicate in catalog.Organizations.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Die Gremien-Id „{duplicate.Key}“ ist mehrfach vergeben.");
        }
        var councils = catalog.OfKind(OrganizationKind.Council).Count();
        if (councils != 1)
        {
            problems.Add($"Es muss genau einen Rat (Kind Council) geben, eingetragen sind {councils}.");
        }
        foreach (var organization in catalog.Organizations)
        {
            CheckOrganization(organization, problems);
        }
        return problems;
    }

    /// <summary>Ids appear in URLs, form values and table keys, so they are plain lower-case slugs.</summary>
    public static bool IsValidId(string? id) => id is not null && Slug().IsMatch(id);

    private static void CheckBody(Body body, List<string> problems)
    {
        if (!IsValidId(body.Id) || string.IsNullOrWhiteSpace(body.Name))
        {
            problems.Add($"Die Körperschaft braucht eine Id aus Kleinbuchstaben, Ziffern und Bindestrichen und einen Namen (Id „{body.Id}“).");
        }
        if (string.IsNullOrWhiteSpace(body.ReferencePrefix) || body.ReferencePrefix.Contains('/'))
        {
            problems.Add($"Das Kürzel für Drucksachennummern „{body.ReferencePrefix}“ darf nicht leer sein und keinen Schrägstrich enthalten.");
        }
        if (body.TimeZone != GermanFormat.TimeZone.Id)
        {
            // One time zone for everything: pages, mails, deadlines, meeting days and the reference's year.
            problems.Add($"Die Zeitzone „{body.TimeZone}“ wird nicht unterstützt: Ratsworkflow rechnet überall in {GermanFormat.TimeZone.Id}.");
        }
    }

    private static void CheckOrganization(Organization organization, List<string> problems)
    {
        var label = $"Gremium „{organization.Id}“";
        if (!IsValidId(organization.Id))
        {
            problems.Add($"{label}: Die Id darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten.");
        }
        if (string.IsNullOrWhiteSpace(organization.Name))
        {
            problems.Add($"{label}: Der Name fehlt.");
        }
        if (organization.Article is not null && !Wording.OrganizationName.IsArticle(organization.Article))
        {
            problems.Add($"{label}: Der Artikel „{organization.Article}“ ist keiner von der, die, das.");
        }
        if (organization.Email is not null && !EmailAddress.IsValid(organization.Email))
        {
            problems.Add($"{label}: ungültige E-Mail-Adresse „{organization.Email}“.");
        }
        if (organization is { Kind: OrganizationKind.Faction, Email: null })
        {
            problems.Add($"{label}: Eine Fraktion braucht ihre registrierte E-Mail-Adresse; nur dort können Anträge bestätigt werden.");
        }
        foreach (var duplicate in organization.Members.GroupBy(m => m.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{label}: Die Mitglieds-Id „{duplicate.Key}“ ist mehrfach vergeben.");
        }
        foreach (var member in organization.Members.Where(m => !IsValidId(m.Id) || !EmailAddress.IsValid(m.Email)))
        {
            problems.Add($"{label}: Mitglied „{member.Name}“ braucht eine Id aus Kleinbuchstaben, Ziffern und Bindestrichen " +
                "und eine gültige E-Mail-Adresse.");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex Slug();
}
