using System.Text.Json;
using DurableTask.Core.History;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Durable;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// The "Command" event's wire form: what running motions' histories hold, written before commands had types, must read
/// as the same typed command, and a typed command must be written exactly as before.
/// </summary>
public sealed class CommandEnvelopeTests
{
    private static string GoldenFolder => Path.Combine(RepositoryPaths.Root, "tests", "Ratsworkflow.Functions.Tests", "Workflow", "Golden");

    public static TheoryData<string, Type> OldShapes() => new()
    {
        { """{"commandId":"c1","type":"Withdraw","actor":"Fraktion"}""", typeof(WithdrawMotion) },
        { """{"commandId":"c1","type":"EndFollowUp","actor":"Ratsb\u00FCro"}""", typeof(EndFollowUp) },
        { """{"commandId":"c1","type":"Retry","actor":"Ratsb\u00FCro"}""", typeof(RetryFailedStep) },
        {
            """{"commandId":"c1","type":"Consultation","actor":"Ratsb\u00FCro","consultation":{"type":"schedule","meetingDate":"2027-01-15","organizationId":"ausschuss-soziales"}}""",
            typeof(ScheduleMotion)
        },
        {
            """{"commandId":"c1","type":"Consultation","actor":"Sitzungsdienst","consultation":{"type":"followMeeting","meetingId":"rat.0a1b2c3d","cancelled":true,"organizationId":"rat"}}""",
            typeof(FollowMeetingChange)
        },
        {
            """{"commandId":"c1","type":"Consultation","actor":"Ratsb\u00FCro","consultation":{"type":"result","outcome":"Approved","votes":{"yes":9,"no":3,"abstain":1,"total":13},"organizationId":"rat"}}""",
            typeof(RecordResult)
        },
    };

    [Theory]
    [MemberData(nameof(OldShapes))]
    public void ToCommand_OldEnvelopeOfEachType_ReadsAsItsTypedCommandAndWritesBackUnchanged(string stored, Type expected)
    {
        var command = Read(stored).ToCommand();

        Assert.IsType(expected, command);
        Assert.Equal("c1", command.CommandId);
        Assert.Equal(stored, Write(CommandEnvelope.From(command)));
    }

    [Fact]
    public void ToCommand_OldResultWithFollowUpAfter_CarriesThePeriodWithTheResult()
    {
        const string stored = """{"commandId":"c7","type":"Consultation","actor":"Ratsb\u00FCro (clerk@example.org)","consultation":{"type":"result","outcome":"Amended","resolutionText":"Ge\u00E4ndert.","referTo":null,"votes":{"yes":9,"no":3,"abstain":1,"total":13},"organizationId":"rat"},"followUpAfter":"730.00:00:00"}""";

        var command = Assert.IsType<RecordResult>(Read(stored).ToCommand());

        Assert.Equal(("c7", "Ratsbüro (clerk@example.org)"), (command.CommandId, command.Actor));
        Assert.Equal(new RecordConsultationResult("rat", ConsultationOutcome.Amended, "Geändert.", null, new VoteCount(9, 3, 1)), command.Result);
        Assert.Equal(TimeSpan.FromDays(730), command.FollowUp?.Interval);
        Assert.Equal(TimeSpan.FromDays(730), CommandEnvelope.From(command).FollowUpAfter);
    }

    [Fact]
    public void ToCommand_ScheduleWithMeetingIdFromAfterMeetingsExisted_KeepsTheMeeting()
    {
        const string stored = """{"commandId":"c2","type":"Consultation","actor":"Ratsb\u00FCro","consultation":{"type":"schedule","meetingDate":"2026-12-18","meetingId":"rat.0a1b2c3d","organizationId":"rat"}}""";

        var command = Assert.IsType<ScheduleMotion>(Read(stored).ToCommand());

        Assert.Equal(new ScheduleConsultation("rat", new DateOnly(2026, 12, 18), "rat.0a1b2c3d"), command.Schedule);
    }

    [Fact]
    public void ToCommand_ConsultationWithoutItsConsultation_IsUnreadableAndRoundTrips()
    {
        const string stored = """{"commandId":"c3","type":"Consultation","actor":"Ratsb\u00FCro"}""";

        var command = Read(stored).ToCommand();

        Assert.Equal(new UnreadableCommand("c3", "Ratsbüro"), command);
        Assert.Equal(stored, Write(CommandEnvelope.From(command)));
    }

    [Fact]
    public void ToCommand_EveryCommandOfTheGoldenHistories_WritesBackTheRecordedJson()
    {
        var recorded = Directory.GetFiles(GoldenFolder, "*.json")
            .SelectMany(file => GoldenHistory.Parse(File.ReadAllText(file)))
            .OfType<EventRaisedEvent>()
            .Where(e => e.Name == CommandEnvelope.EventName)
            .Select(e => e.Input)
            .ToList();

        Assert.NotEmpty(recorded);
        Assert.All(recorded, stored =>
        {
            var command = Read(stored).ToCommand();
            Assert.IsNotType<UnreadableCommand>(command);
            Assert.Equal(stored, Write(CommandEnvelope.From(command)));
        });
    }

    public static TheoryData<MotionCommand> TypedCommands() => new()
    {
        new WithdrawMotion("c1", "Fraktion"),
        new EndFollowUp("c1", "Ratsbüro"),
        new RetryFailedStep("c1", "Ratsbüro"),
        new ScheduleMotion("c1", "Ratsbüro", new ScheduleConsultation("rat", new DateOnly(2026, 12, 18), "rat.0a1b2c3d")),
        new ScheduleMotion("c1", "Ratsbüro", new ScheduleConsultation("rat", new DateOnly(2026, 12, 18))),
        new FollowMeetingChange("c1", "Sitzungsdienst", new FollowMeeting("rat", "rat.0a1b2c3d", new DateOnly(2027, 1, 8))),
        new RecordResult("c1", "Ratsbüro", new RecordConsultationResult("ausschuss-soziales", ConsultationOutcome.Referred,
            ReferTo: "ausschuss-finanzen", Votes: new VoteCount(1, 2, 3))),
        new RecordResult("c1", "Ratsbüro", new RecordConsultationResult("rat", ConsultationOutcome.Approved),
            FollowUpPeriod.FromDays(730).Value),
        new UnreadableCommand("c1", "Ratsbüro"),
    };

    [Theory]
    [MemberData(nameof(TypedCommands))]
    public void From_TypedCommand_ReadsBackAsTheSameCommandThroughTheEngineJson(MotionCommand command)
    {
        var read = Read(Write(CommandEnvelope.From(command))).ToCommand();

        Assert.Equal(command, read);
    }

    private static CommandEnvelope Read(string json) => JsonSerializer.Deserialize<CommandEnvelope>(json, DurableRegistration.JsonOptions)!;

    private static string Write(CommandEnvelope envelope) => JsonSerializer.Serialize(envelope, DurableRegistration.JsonOptions);
}
