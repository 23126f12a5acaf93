using System.Text.Json;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Xunit;
using static Ratsworkflow.Functions.Tests.Organizations.TestCatalog;

namespace Ratsworkflow.Functions.Tests.Consultations;

public class ConsultationStateTests
{
    [Fact]
    public void Start_Committees_InOrderWithCouncilLast()
    {
        var state = ConsultationState.Start([Social, Finance, Administrative], Council, "Text");

        Assert.Equal([Social, Finance, Administrative, Council], state.Consultations.Select(c => c.OrganizationId));
        Assert.Equal([false, false, false, true], state.Consultations.Select(c => c.IsCouncil));
        Assert.Equal(0, state.CurrentPosition);
        Assert.Equal("Text", state.ResolutionText);
        Assert.All(state.Consultations, c => Assert.Null(c.Outcome));
    }

    [Fact]
    public void Apply_PostponedThenHeld_KeepsThePostponedMeeting()
    {
        var state = ConsultationState.Start([Social], Council, "Text").ApplyAll(
        [
            new ConsultationScheduled(0, Social, new DateOnly(2026, 3, 12), null),
            new ConsultationResultRecorded(0, Social, ConsultationOutcome.Postponed, new DateOnly(2026, 3, 12), new VoteCount(4, 3, 0), ByCouncil: false),
            new ConsultationScheduled(0, Social, new DateOnly(2026, 4, 9), null),
            new ConsultationResultRecorded(0, Social, ConsultationOutcome.Approved, new DateOnly(2026, 4, 9), null, ByCouncil: false),
        ]);

        var social = state.Consultations[0];
        Assert.Equal((new DateOnly(2026, 4, 9), ConsultationOutcome.Approved), (social.MeetingDate, social.Outcome));
        Assert.Equal([new PostponedMeeting(new DateOnly(2026, 3, 12), new VoteCount(4, 3, 0))], social.Postponed!);
        var json = JsonSerializer.Serialize(state.Consultations[0], Ratsworkflow.Functions.Motions.MotionRows.Json);
        Assert.Equal(social.Postponed, JsonSerializer.Deserialize<Consultation>(json, Ratsworkflow.Functions.Motions.MotionRows.Json)!.Postponed);
    }

    [Fact]
    public void Apply_EventOfAnotherPosition_Throws()
    {
        var state = ConsultationState.Start([Social], Council, "Text");

        Assert.Throws<InvalidOperationException>(() => state.Apply(new ConsultationScheduled(0, Finance, new DateOnly(2026, 3, 12), null)));
        Assert.Throws<InvalidOperationException>(() => state.Apply(new ConsultationScheduled(5, Social, new DateOnly(2026, 3, 12), null)));
    }

    [Fact]
    public void Apply_InsertBeforeTheFirstOrBeyondTheEnd_Throws()
    {
        var state = ConsultationState.Start([Social], Council, "Text");

        Assert.Throws<InvalidOperationException>(() => state.Apply(new ConsultationInserted(0, Finance, false, Social)));
        Assert.Throws<InvalidOperationException>(() => state.Apply(new ConsultationInserted(3, Finance, false, Social)));
    }

    [Fact]
    public void Apply_Any_LeavesTheOriginalStateUnchanged()
    {
        var state = ConsultationState.Start([Social], Council, "Text");

        state.Apply(new ConsultationScheduled(0, Social, new DateOnly(2026, 3, 12), null));

        Assert.Null(state.Consultations[0].MeetingDate);
    }

    [Fact]
    public void Events_Json_RoundTripWithTypeNames()
    {
        ConsultationEvent[] events =
        [
            new ConsultationScheduled(0, Social, new DateOnly(2026, 3, 12), null),
            new ConsultationResultRecorded(0, Social, ConsultationOutcome.Referred, new DateOnly(2026, 3, 12), new VoteCount(5, 4, 0), false),
            new ResolutionTextAmended(0, Social, 2, "Neu", new DateOnly(2026, 3, 12)),
            new ConsultationInserted(1, Finance, false, Social),
            new MotionDecided(2, Council, ConsultationOutcome.Approved, new DateOnly(2026, 4, 2), "Neu"),
        ];

        var json = JsonSerializer.Serialize(events, JsonSerializerOptions.Web);

        Assert.Contains("\"type\":\"resultRecorded\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"referred\"", json, StringComparison.Ordinal);
        Assert.Contains("\"meetingDate\":\"2026-03-12\"", json, StringComparison.Ordinal);
        Assert.Equal(events, JsonSerializer.Deserialize<ConsultationEvent[]>(json, JsonSerializerOptions.Web));
    }

    [Fact]
    public void Commands_ApiJson_BindDirectly()
    {
        var schedule = JsonSerializer.Deserialize<ScheduleConsultation>("""{ "organizationId": "rat", "meetingDate": "2026-03-12" }""", JsonSerializerOptions.Web);
        var result = JsonSerializer.Deserialize<RecordConsultationResult>(
            """{ "organizationId": "rat", "outcome": "amended", "resolutionText": "Neu", "votes": { "yes": 30, "no": 12, "abstain": 3 } }""",
            JsonSerializerOptions.Web);

        Assert.Equal(new ScheduleConsultation(Council, new DateOnly(2026, 3, 12)), schedule);
        Assert.Equal(new RecordConsultationResult(Council, ConsultationOutcome.Amended, "Neu", null, new VoteCount(30, 12, 3)), result);
    }

    [Fact]
    public void Commands_OutcomeAsNumber_Refused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RecordConsultationResult>("""{ "organizationId": "rat", "outcome": 1 }""", JsonSerializerOptions.Web));

    [Fact]
    public void Outcomes_Json_LowerCaseAsInTheApi() =>
        Assert.Equal("[\"approved\",\"amended\",\"rejected\",\"postponed\",\"referred\",\"noted\"]",
            JsonSerializer.Serialize(Enum.GetValues<ConsultationOutcome>(), JsonSerializerOptions.Web));

    [Theory]
    [InlineData(ConsultationOutcome.Approved, false, "ungeändert empfohlen")]
    [InlineData(ConsultationOutcome.Approved, true, "ungeändert beschlossen")]
    [InlineData(ConsultationOutcome.Amended, false, "geändert empfohlen")]
    [InlineData(ConsultationOutcome.Amended, true, "geändert beschlossen")]
    [InlineData(ConsultationOutcome.Rejected, false, "Ablehnung empfohlen")]
    [InlineData(ConsultationOutcome.Rejected, true, "abgelehnt")]
    [InlineData(ConsultationOutcome.Postponed, true, "vertagt")]
    [InlineData(ConsultationOutcome.Referred, false, "verwiesen")]
    [InlineData(ConsultationOutcome.Referred, true, "zurückverwiesen")]
    [InlineData(ConsultationOutcome.Noted, true, "zur Kenntnis genommen")]
    public void DisplayName_Outcome_GermanForCommitteeOrCouncil(ConsultationOutcome outcome, bool byCouncil, string expected) =>
        Assert.Equal(expected, ConsultationOutcomes.DisplayName(outcome, byCouncil));

    [Fact]
    public void DisplayName_UndefinedOutcome_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsultationOutcomes.DisplayName((ConsultationOutcome)42, byCouncil: false));
}
