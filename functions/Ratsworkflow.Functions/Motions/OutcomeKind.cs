using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// What became of a request, in the domain's words. The API and the pages each say it in HTTP
/// (<see cref="Web.OutcomeHttp"/>); the services never do.
/// </summary>
/// <remarks>
/// Each value is the code stored for it in <see cref="MotionRecord.Acks"/> and in recorded orchestration histories
/// (<see cref="Workflow.RefusalInput"/>), through <see cref="OutcomeCodeJsonConverter"/>. They were HTTP statuses
/// before the kinds existed, so the old rows read back unchanged: never change or reuse a value.
/// </remarks>
public enum OutcomeKind
{
    /// <summary>Done as asked, or nothing needed doing.</summary>
    Done = 200,

    Created = 201,

    /// <summary>Taken, and still being processed: a command whose workflow answers later, a submission awaiting confirmation.</summary>
    Accepted = 202,

    /// <summary>Bad input, usually with per-field messages.</summary>
    Invalid = 400,

    /// <summary>The link given does not entitle to this.</summary>
    Denied = 403,

    NotFound = 404,

    /// <summary>Not possible where the motion, meeting or vote stands now (or while another change runs).</summary>
    Conflict = 409,

    /// <summary>The link's time is over.</summary>
    Expired = 410,

    /// <summary>An idempotency key sent again with a different submission.</summary>
    KeyReused = 422,

    /// <summary>Something the request needs (the mail server) does not answer; trying later may work.</summary>
    Unavailable = 503,
}

public static class OutcomeKinds
{
    public static bool Succeeded(this OutcomeKind kind) => kind is OutcomeKind.Done or OutcomeKind.Created or OutcomeKind.Accepted;
}

/// <summary>
/// Stores a kind as its number, as acks and refusals held their HTTP status before: a property-level converter, so it
/// wins over the string enum converter the storage and engine JSON options add for every other enum.
/// </summary>
public sealed class OutcomeCodeJsonConverter : JsonConverter<OutcomeKind>
{
    public override OutcomeKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (OutcomeKind)reader.GetInt32();

    public override void Write(Utf8JsonWriter writer, OutcomeKind value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((int)value);
}
