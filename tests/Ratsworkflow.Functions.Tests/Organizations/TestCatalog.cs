using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Tests.Organizations;

/// <summary>The shipped sample, loaded once: the pure tests use the configuration a city really starts with.</summary>
internal static class TestCatalog
{
    public static OrganizationCatalog Sample { get; } = SampleOrganizations.Load();

    public const string Faction = "spd";
    public const string Integrationsrat = "integrationsrat";
    public const string Social = "ausschuss-soziales";
    public const string Finance = "ausschuss-finanzen";
    public const string Administrative = "verwaltungsausschuss";
    public const string Council = "rat";

    public static OrganizationCatalog WithoutAdvisoryBoard() =>
        Sample with { Organizations = Sample.Organizations.Where(o => o.Kind != OrganizationKind.AdvisoryBoard).ToList() };
}
