namespace Ratsworkflow.Functions.Organizations;

/// <summary>Everything the body has configured: itself, its clerks and its organizations. Immutable; the store swaps it whole.</summary>
public sealed record OrganizationCatalog(Body Body, IReadOnlyList<Clerk> Clerks, IReadOnlyList<Organization> Organizations)
{
    public Organization? Find(string? id) =>
        id is null ? null : Organizations.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));

    public IEnumerable<Organization> OfKind(OrganizationKind kind) => Organizations.Where(o => o.Kind == kind);

    /// <summary>A catalog always has exactly one council; <see cref="CatalogCheck"/> refuses any other.</summary>
    public Organization Council => OfKind(OrganizationKind.Council).Single();

    /// <summary>The Beirat a motion's "Beirat beteiligen" goes to; null when the body has none.</summary>
    public Organization? AdvisoryBoard => OfKind(OrganizationKind.AdvisoryBoard).FirstOrDefault();

    /// <summary>The name to show for an id, falling back to the id for one that is no longer configured.</summary>
    public string NameOf(string id) => Find(id)?.Name ?? id;

    /// <summary>The name with its article and cases, for sentences ("im Rat der Stadt Göttingen").</summary>
    public Wording.OrganizationName Phrase(string id) => Find(id)?.Phrase ?? Wording.OrganizationName.Of(id);
}
