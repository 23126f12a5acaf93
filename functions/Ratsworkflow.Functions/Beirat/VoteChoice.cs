using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>A Beirat member's vote; JSON <c>"yes" | "no" | "abstain"</c>.</summary>
[JsonConverter(typeof(VoteChoiceJsonConverter))]
public enum VoteChoice
{
    Yes,
    No,
    Abstain,
}

public sealed class VoteChoiceJsonConverter() : JsonStringEnumConverter<VoteChoice>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
