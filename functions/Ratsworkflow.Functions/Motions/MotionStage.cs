using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.Motions;

/// <summary>Where a motion stands (docs/design.md §4 JSON API <c>stage</c>); serialized by name, which the API keeps stable.</summary>
[JsonConverter(typeof(MotionStageJsonConverter))]
public enum MotionStage
{
    AwaitingConfirmation,
    Registered,
    BeiratReview,
    Consultation,
    Council,
    Decided,
    Withdrawn,
    Failed,
}

/// <summary>Names only: a number would let a client depend on the declaration order.</summary>
public sealed class MotionStageJsonConverter() : JsonStringEnumConverter<MotionStage>(namingPolicy: null, allowIntegerValues: false);
