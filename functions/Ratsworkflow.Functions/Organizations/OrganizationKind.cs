using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.Organizations;

/// <summary>The kinds of organization the workflow treats differently (glossary: OParl Organization).</summary>
[JsonConverter(typeof(OrganizationKindJsonConverter))]
public enum OrganizationKind
{
    /// <summary>Fraktion or Gruppe: may submit motions.</summary>
    Faction,

    /// <summary>Beirat, e.g. the Integrationsrat: votes a recommendation by email link.</summary>
    AdvisoryBoard,

    /// <summary>Ausschuss, including the Verwaltungsausschuss: consulted before the council, recommends.</summary>
    Committee,

    /// <summary>Rat: decides last and for good.</summary>
    Council,
}

public sealed class OrganizationKindJsonConverter() : JsonStringEnumConverter<OrganizationKind>(namingPolicy: null, allowIntegerValues: false);
