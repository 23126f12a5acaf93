using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>The Beirat's recommendation; JSON <c>pending, recommends, rejects, none</c>.</summary>
[JsonConverter(typeof(BeiratOutcomeJsonConverter))]
public enum BeiratOutcome
{
    /// <summary>The vote is still open.</summary>
    Pending,

    Recommends,

    /// <summary>Also a tie (NKomVG § 66: bei Stimmengleichheit abgelehnt).</summary>
    Rejects,

    /// <summary>Closed without quorum: the Beirat gives no recommendation.</summary>
    None,
}

public sealed class BeiratOutcomeJsonConverter() : JsonStringEnumConverter<BeiratOutcome>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
