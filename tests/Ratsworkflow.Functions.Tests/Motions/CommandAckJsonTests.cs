using System.Text.Json;
using Ratsworkflow.Functions.Durable;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>
/// Acks in stored motion rows and refusals in recorded orchestration histories held an HTTP status before outcome kinds
/// existed: they read back as the same kind, and kinds are written exactly as those statuses were.
/// </summary>
public sealed class CommandAckJsonTests
{
    /// <summary>An ack as motion rows hold it since acks exist (the read-only <c>succeeded</c> was written too).</summary>
    private const string StoredConflict = """{"commandId":"c1","status":409,"detail":"Nicht jetzt.","errors":null,"succeeded":false}""";

    [Theory]
    [InlineData(200, OutcomeKind.Done)]
    [InlineData(400, OutcomeKind.Invalid)]
    [InlineData(409, OutcomeKind.Conflict)]
    public void Deserialize_AckStoredBeforeKinds_ReadsTheKindOfItsStatus(int status, OutcomeKind expected)
    {
        var json = $$"""{"commandId":"c1","status":{{status}},"detail":"Text","errors":{"meetingDate":["Falsch."]},"succeeded":true}""";

        var ack = JsonSerializer.Deserialize<CommandAck>(json, MotionRows.Json)!;

        Assert.Equal(("c1", expected, "Text"), (ack.CommandId, ack.Kind, ack.Detail));
        Assert.Equal(["Falsch."], ack.Errors!["meetingDate"]);
    }

    [Fact]
    public void Serialize_ConflictAck_WritesTheJsonStoredBeforeKinds()
    {
        var json = JsonSerializer.Serialize(CommandAck.Conflict("c1", "Nicht jetzt."), MotionRows.Json);

        Assert.Equal(StoredConflict, json);
    }

    [Fact]
    public void Deserialize_StoredMotionWithAcks_RoundTripsEveryKind()
    {
        var motion = new MotionRecord
        {
            MotionId = "m1", FactionId = "spd", SubmitterName = "Maria", SubmitterEmail = "maria@example.org", Title = "Sprachcafé",
            ResolutionText = "Der Rat beschließt.", Justification = "Weil.", CreatedAt = DateTimeOffset.UnixEpoch,
        };
        foreach (var kind in Enum.GetValues<OutcomeKind>())
        {
            motion = motion.WithAck(new CommandAck(kind.ToString(), kind, "Text"));
        }

        var read = JsonSerializer.Deserialize<MotionRecord>(JsonSerializer.Serialize(motion, MotionRows.Json), MotionRows.Json)!;

        Assert.Equal(motion.Acks, read.Acks);
    }

    [Fact]
    public void Serialize_Refusal_KeepsTheShapeRecordedInHistories()
    {
        var refusal = new RefusalInput("c1", OutcomeKind.Conflict, "Nicht jetzt.");

        var json = JsonSerializer.Serialize(refusal, DurableRegistration.JsonOptions);

        Assert.Equal("""{"commandId":"c1","status":409,"detail":"Nicht jetzt."}""", json);
        Assert.Equal(refusal, JsonSerializer.Deserialize<RefusalInput>(json, DurableRegistration.JsonOptions));
    }
}
