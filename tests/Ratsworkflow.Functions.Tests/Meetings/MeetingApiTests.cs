using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tests.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Meetings;

/// <summary>
/// Meetings through the JSON API with the whole app on Azurite: scheduling onto agendas, moving and cancelling
/// meetings with their motions following through the workflow, the order of the agenda and German problems. The
/// tests of a class share one Azurite, so each plans its meetings on days of its own.
/// </summary>
public sealed class MeetingApiTests(AzuriteFixture azurite, MailDevFixture mail) : WorkflowAppTests(azurite, mail)
{
    private MeetingClient Meetings => new(App);

    [Fact]
    public async Task Schedule_ByOrganizationAndDate_UsesOrCreatesThatDaysMeeting()
    {
        var day = Meetings.Today.AddDays(110);
        var first = await Meetings.MotionAsync();
        var second = await Meetings.MotionAsync();

        Assert.Equal(HttpStatusCode.OK, (await first.ScheduleAsync("ausschuss-soziales", day)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.ScheduleAsync("ausschuss-soziales", day)).StatusCode);

        var meetingId = (await first.GetAsync()).Consultations[0].MeetingId!;
        Assert.Equal(meetingId, (await second.GetAsync()).Consultations[0].MeetingId);
        var meeting = await Meetings.GetAsync(meetingId);
        Assert.Equal((day, MeetingState.Planned), (meeting.Date, meeting.State));
        Assert.Equal([(1, first.MotionId), (2, second.MotionId)], meeting.Agenda!.Select(i => (i.Number, i.MotionId)));
        var listed = await App.GetJsonAsync<MeetingListResponse>($"/api/meetings?organizationId=ausschuss-soziales&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        Assert.Equal(meetingId, Assert.Single(listed.Items).MeetingId);
    }

    [Fact]
    public async Task Schedule_ByMeetingId_TakesTheMeetingsDateAndTellsTheFactionTimeAndPlace()
    {
        var meeting = await Meetings.CreateAsync("ausschuss-soziales", Meetings.Today.AddDays(120), "18:30", "Ratssaal, Neues Rathaus");
        var motion = await Meetings.MotionAsync();

        await Meetings.ScheduleAsync(motion, meeting.MeetingId);

        var consultation = (await motion.GetAsync()).Consultations[0];
        Assert.Equal((meeting.Date, meeting.MeetingId), (consultation.MeetingDate!.Value, consultation.MeetingId));
        var mail = await motion.MailAsync("gruene-fraktion@example.org", "Beratung terminiert");
        Assert.Contains("um 18:30 Uhr", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Ratssaal, Neues Rathaus", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingAMeeting_MovesItsMotionsAndTellsTheirFactions()
    {
        var day = Meetings.Today.AddDays(130);
        var meeting = await Meetings.CreateAsync("ausschuss-soziales", day);
        var motions = new[] { await Meetings.MotionAsync(), await Meetings.MotionAsync() };
        foreach (var motion in motions)
        {
            await Meetings.ScheduleAsync(motion, meeting.MeetingId);
        }

        var response = await Meetings.PatchAsync(meeting.MeetingId, new { date = day.AddDays(5), startTime = "16:00" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = (await response.Content.ReadFromJsonAsync<MeetingChangedResponse>(MeetingClient.Json))!;
        Assert.Equal(day.AddDays(5), changed.Meeting.Date);
        Assert.All(changed.Motions, m => Assert.Equal(200, m.Status));
        Assert.Equal(2, changed.Motions.Count);
        foreach (var motion in motions)
        {
            var view = await motion.GetAsync();
            Assert.Equal(day.AddDays(5), view.Consultations[0].MeetingDate);
            Assert.Contains(view.History, h => h.Text.Contains("verlegt", StringComparison.Ordinal));
            var mail = await motion.MailAsync("gruene-fraktion@example.org", "Beratung verlegt");
            Assert.Contains($"vom {day:dd.MM.yyyy} auf den {day.AddDays(5):dd.MM.yyyy} um 16:00 Uhr verlegt", mail.Text, StringComparison.Ordinal);
        }
        Assert.Equal("16:00", (await Meetings.GetAsync(meeting.MeetingId)).StartTime);
    }

    [Fact]
    public async Task CancellingAMeeting_ItsMotionsWaitForANewDateAndTheFactionIsTold()
    {
        var day = Meetings.Today.AddDays(140);
        var meeting = await Meetings.CreateAsync("ausschuss-soziales", day);
        var motion = await Meetings.MotionAsync();
        await Meetings.ScheduleAsync(motion, meeting.MeetingId);

        var response = await Meetings.PatchAsync(meeting.MeetingId, new { state = "cancelled" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await motion.GetAsync();
        Assert.Null(view.Consultations[0].MeetingDate);
        Assert.Null(view.Consultations[0].MeetingId);
        Assert.Null(view.Consultations[0].Outcome);
        Assert.Contains("Sitzungstermin", view.WaitingFor, StringComparison.Ordinal);
        Assert.Contains(view.History, h => h.Text.Contains("abgesagt", StringComparison.Ordinal));
        await motion.MailAsync("gruene-fraktion@example.org", "Sitzung abgesagt");
        Assert.Equal(MeetingState.Cancelled, (await Meetings.GetAsync(meeting.MeetingId)).State);
        // A cancelled meeting takes no motion, and its day is free for a new one.
        var again = await App.Clerk.PostAsJsonAsync($"/api/motions/{motion.MotionId}/schedule", new { meetingId = meeting.MeetingId });
        Assert.Contains("abgesagt", (await MeetingClient.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await motion.ScheduleAsync("ausschuss-soziales", day)).StatusCode);
        Assert.NotEqual(meeting.MeetingId, (await motion.GetAsync()).Consultations[0].MeetingId);
    }

    [Fact]
    public async Task AMotion_IsOnAtMostOneOpenAgenda_AndTheOneItLeftHasNoGap()
    {
        var first = await Meetings.CreateAsync("ausschuss-soziales", Meetings.Today.AddDays(150));
        var second = await Meetings.CreateAsync("ausschuss-soziales", Meetings.Today.AddDays(160));
        var motions = new[] { await Meetings.MotionAsync(), await Meetings.MotionAsync(), await Meetings.MotionAsync() };
        foreach (var motion in motions)
        {
            await Meetings.ScheduleAsync(motion, first.MeetingId);
        }

        await Meetings.ScheduleAsync(motions[1], second.MeetingId);

        var left = await Meetings.GetAsync(first.MeetingId);
        var joined = await Meetings.GetAsync(second.MeetingId);
        Assert.Equal([(1, motions[0].MotionId), (2, motions[2].MotionId)], left.Agenda!.Select(i => (i.Number, i.MotionId)));
        Assert.Equal([(1, motions[1].MotionId)], joined.Agenda!.Select(i => (i.Number, i.MotionId)));
        Assert.Equal((second.MeetingId, second.Date), ((await motions[1].GetAsync()).Consultations[0].MeetingId!, (await motions[1].GetAsync()).Consultations[0].MeetingDate!.Value));
    }

    [Fact]
    public async Task Reorder_NewOrderAndParts_NumbersStayGapFree()
    {
        var meeting = await Meetings.CreateAsync("ausschuss-soziales", Meetings.Today.AddDays(170));
        var motions = new[] { await Meetings.MotionAsync(), await Meetings.MotionAsync(), await Meetings.MotionAsync() };
        foreach (var motion in motions)
        {
            await Meetings.ScheduleAsync(motion, meeting.MeetingId);
        }
        var version = (await Meetings.GetAsync(meeting.MeetingId)).Version;

        var response = await Meetings.ReorderAsync(meeting.MeetingId, new
        {
            version,
            items = new object[]
            {
                new { motionId = motions[2].MotionId },
                new { motionId = motions[0].MotionId, @public = false },
                new { motionId = motions[1].MotionId },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agenda = (await Meetings.GetAsync(meeting.MeetingId)).Agenda!;
        Assert.Equal([(1, motions[2].MotionId, true), (2, motions[1].MotionId, true), (3, motions[0].MotionId, false)], agenda.Select(i => (i.Number, i.MotionId, i.Public)));
        // The same order from the old version is refused: the agenda changed since.
        var stale = await Meetings.ReorderAsync(meeting.MeetingId, new { version, items = agenda.Select(i => new { motionId = i.MotionId }) });
        await MeetingClient.ProblemAsync(stale, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reorder_MissingOrUnknownMotion_GermanProblemAndNothingChanges()
    {
        var meeting = await Meetings.CreateAsync("ausschuss-soziales", Meetings.Today.AddDays(180));
        var motions = new[] { await Meetings.MotionAsync(), await Meetings.MotionAsync() };
        foreach (var motion in motions)
        {
            await Meetings.ScheduleAsync(motion, meeting.MeetingId);
        }
        var before = await Meetings.GetAsync(meeting.MeetingId);

        var missing = await Meetings.ReorderAsync(meeting.MeetingId, new { items = new[] { new { motionId = motions[1].MotionId } } });
        var unknown = await Meetings.ReorderAsync(meeting.MeetingId, new { items = new[] { new { motionId = "gibt-es-nicht" }, new { motionId = motions[0].MotionId }, new { motionId = motions[1].MotionId } } });
        var twice = await Meetings.ReorderAsync(meeting.MeetingId, new { items = new[] { new { motionId = motions[0].MotionId }, new { motionId = motions[0].MotionId } } });

        Assert.Contains("Es fehlen", (await MeetingClient.ProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("items")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Nicht auf der Tagesordnung", (await MeetingClient.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("mehrfach", (await MeetingClient.ProblemAsync(twice, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.Version, (await Meetings.GetAsync(meeting.MeetingId)).Version);
    }

    [Fact]
    public async Task Withdrawing_AMotion_TakesItOffTheAgenda()
    {
        var meeting = await Meetings.CreateAsync("ausschuss-soziales", Meetings.Today.AddDays(190));
        var motions = new[] { await Meetings.MotionAsync(), await Meetings.MotionAsync() };
        foreach (var motion in motions)
        {
            await Meetings.ScheduleAsync(motion, meeting.MeetingId);
        }

        Assert.Equal(HttpStatusCode.OK, (await App.Clerk.PostAsync($"/api/motions/{motions[0].MotionId}/withdraw", null)).StatusCode);

        Assert.Equal([(1, motions[1].MotionId)], (await Meetings.GetAsync(meeting.MeetingId)).Agenda!.Select(i => (i.Number, i.MotionId)));
    }

    [Fact]
    public async Task Results_ForTheWholeMeetingInOnePass_EachGoesThroughTheWorkflow()
    {
        var meeting = await Meetings.CreateAsync("ausschuss-soziales", Meetings.Today);
        var motions = new[] { await Meetings.MotionAsync(), await Meetings.MotionAsync(), await Meetings.MotionAsync() };
        foreach (var motion in motions)
        {
            await Meetings.ScheduleAsync(motion, meeting.MeetingId);
        }

        var response = await Meetings.ResultsAsync(meeting.MeetingId, new
        {
            results = new object[]
            {
                new { motionId = motions[0].MotionId, outcome = "approved", votes = new { yes = 9, no = 2, abstain = 0 } },
                new { motionId = motions[1].MotionId, outcome = "amended", resolutionText = "Die Verwaltung wird beauftragt, bis 2027 zu berichten." },
                new { motionId = motions[2].MotionId, outcome = "postponed" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MotionStage.Council, (await motions[0].WaitForStageAsync(MotionStage.Council)).Stage);
        Assert.StartsWith("Die Verwaltung wird beauftragt, bis 2027", (await motions[1].WaitForStageAsync(MotionStage.Council)).ResolutionText, StringComparison.Ordinal);
        var postponed = await motions[2].GetAsync();
        Assert.Equal(ConsultationOutcome.Postponed, postponed.Consultations[0].Outcome);
        await motions[0].MailAsync("gruene-fraktion@example.org", "Ergebnis der Beratung");
        var held = await Meetings.GetAsync(meeting.MeetingId);
        Assert.Equal(MeetingState.Held, held.State);
        Assert.Equal([ConsultationOutcome.Approved, ConsultationOutcome.Amended, ConsultationOutcome.Postponed], held.Agenda!.Select(i => i.Outcome!.Value));
        Assert.Equal(new VoteCount(9, 2, 0), held.Agenda![0].Votes);
        Assert.StartsWith("Die Verwaltung wird beauftragt, bis 2027", held.Agenda[1].ResolutionText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_OneOfThemWrong_NothingIsRecordedAndTheProblemNamesTheMotion()
    {
        var meeting = await Meetings.CreateAsync("ausschuss-finanzen", Meetings.Today);
        var motions = new[] { await Meetings.MotionAsync("ausschuss-finanzen"), await Meetings.MotionAsync("ausschuss-finanzen") };
        foreach (var motion in motions)
        {
            await Meetings.ScheduleAsync(motion, meeting.MeetingId);
        }

        var response = await Meetings.ResultsAsync(meeting.MeetingId, new
        {
            results = new object[]
            {
                new { motionId = motions[0].MotionId, outcome = "approved" },
                new { motionId = motions[1].MotionId, outcome = "amended" },
            },
        });

        var problem = await MeetingClient.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("nichts eingetragen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("geänderten Beschlussvorschlag", problem.GetProperty("errors").GetProperty($"{motions[1].MotionId}.resolutionText")[0].GetString(), StringComparison.Ordinal);
        Assert.All(await Task.WhenAll(motions.Select(m => m.GetAsync())), v => Assert.Null(v.Consultations[0].Outcome));
        Assert.Equal(MeetingState.Planned, (await Meetings.GetAsync(meeting.MeetingId)).State);
    }

    [Fact]
    public async Task Results_FollowUpOutOfRangeOrNotTheCouncils_NothingIsRecordedAndTheReasonIsAtTheField()
    {
        // A day of its own, and the body's (Berlin) day, so it holds at any hour.
        App.Clock.Advance(TimeSpan.FromDays(250));
        var meeting = await Meetings.CreateAsync("ausschuss-finanzen", BodyDate.Today(App.Clock));
        var motions = new[] { await Meetings.MotionAsync("ausschuss-finanzen"), await Meetings.MotionAsync("ausschuss-finanzen") };
        foreach (var motion in motions)
        {
            await Meetings.ScheduleAsync(motion, meeting.MeetingId);
        }

        var response = await Meetings.ResultsAsync(meeting.MeetingId, new
        {
            results = new object[]
            {
                new { motionId = motions[0].MotionId, outcome = "approved", followUpAfterDays = 3661 },
                new { motionId = motions[1].MotionId, outcome = "approved", followUpAfterDays = 365 },
            },
        });

        var errors = (await MeetingClient.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Bitte geben Sie 1 bis 3660 Tage an.", errors.GetProperty($"{motions[0].MotionId}.followUpAfterDays")[0].GetString());
        Assert.Equal("Eine Wiedervorlage gibt es nur mit dem Beschluss des Rates.",
            errors.GetProperty($"{motions[1].MotionId}.followUpAfterDays")[0].GetString());
        Assert.All(await Task.WhenAll(motions.Select(m => m.GetAsync())), v => Assert.Null(v.Consultations[0].Outcome));
    }

    [Fact]
    public async Task Create_BadInput_GermanProblemPerFieldAndNoMeeting()
    {
        var day = Meetings.Today.AddDays(200);

        var response = await App.Clerk.PostAsJsonAsync("/api/meetings", new { organizationId = "integrationsrat", startTime = "17 Uhr", place = "Saal\nB" });
        var notJson = await App.Clerk.PostAsync("/api/meetings", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        var anonymous = await App.Anonymous.PostAsJsonAsync("/api/meetings", new { organizationId = "rat", date = day });

        var errors = (await MeetingClient.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("hält keine Sitzungen ab", errors.GetProperty("organizationId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Datum", errors.GetProperty("date")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("17:00", errors.GetProperty("startTime")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Zeilenumbrüche", errors.GetProperty("place")[0].GetString(), StringComparison.Ordinal);
        await MeetingClient.ProblemAsync(notJson, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty((await App.GetJsonAsync<MeetingListResponse>($"/api/meetings?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}")).Items);
    }

    [Fact]
    public async Task Create_TwoMeetingsOfABodyOnOneDay_SecondIsAConflict()
    {
        var day = Meetings.Today.AddDays(210);
        await Meetings.CreateAsync("rat", day);

        var second = await App.Clerk.PostAsJsonAsync("/api/meetings", new { organizationId = "rat", date = day });

        Assert.Contains("bereits eine Sitzung", (await MeetingClient.ProblemAsync(second, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_NotAllowedOrUnknown_GermanProblemAndNothingChanges()
    {
        var meeting = await Meetings.CreateAsync("rat", Meetings.Today.AddDays(220));

        var early = await Meetings.PatchAsync(meeting.MeetingId, new { state = "held" });
        var badState = await Meetings.PatchAsync(meeting.MeetingId, new { state = "vertagt" });
        var unknown = await Meetings.PatchAsync("rat.00000000", new { state = "invited" });
        var list = await App.Clerk.GetAsync("/api/meetings?from=18.12.2026");

        Assert.Contains("noch nicht stattgefunden", (await MeetingClient.ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await MeetingClient.ProblemAsync(badState, HttpStatusCode.BadRequest);
        await MeetingClient.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Contains("JJJJ-MM-TT", (await MeetingClient.ProblemAsync(list, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(meeting.Version, (await Meetings.GetAsync(meeting.MeetingId)).Version);
    }

    [Fact]
    public async Task Move_BeforeAMotionsPreviousConsultation_IsRefusedAsAWhole()
    {
        var motion = await Meetings.MotionAsync("verwaltungsausschuss");
        await motion.MeetAsync("verwaltungsausschuss", "approved", inDays: 0);
        await motion.WaitForStageAsync(MotionStage.Council);
        var council = await Meetings.CreateAsync("rat", Meetings.Today.AddDays(230));
        await Meetings.ScheduleAsync(motion, council.MeetingId);

        var response = await Meetings.PatchAsync(council.MeetingId, new { date = Meetings.Today.AddDays(-1) });

        Assert.Contains("vorherigen Beratung", (await MeetingClient.ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(council.Date, (await Meetings.GetAsync(council.MeetingId)).Date);
        Assert.Equal(council.Date, (await motion.GetAsync()).Consultations[1].MeetingDate);
    }

    [Fact]
    public async Task Sync_TheProcessDiedBeforeTheMotionsFollowed_ThePeriodicRunTakesThemAlong()
    {
        var day = Meetings.Today.AddDays(240);
        var meeting = await Meetings.CreateAsync("ausschuss-soziales", day);
        var motion = await Meetings.MotionAsync();
        await Meetings.ScheduleAsync(motion, meeting.MeetingId);
        var store = App.Services.GetRequiredService<MeetingStore>();
        // What a request does before it would tell the motions: note the sync, move the meeting. Then it "dies".
        await store.MarkForSyncAsync(meeting.MeetingId, default);
        var stored = (await store.GetAsync(meeting.MeetingId))!;
        await store.CommitAsync(stored, stored with { Date = day.AddDays(3) });
        Assert.Equal(day, (await motion.GetAsync()).Consultations[0].MeetingDate);

        await App.Services.GetRequiredService<MeetingSync>().RunAsync(default);
        Assert.Equal(day, (await motion.GetAsync()).Consultations[0].MeetingDate);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await App.Services.GetRequiredService<MeetingSync>().RunAsync(default);
        await App.Services.GetRequiredService<MeetingSync>().RunAsync(default);

        var view = await motion.GetAsync();
        Assert.Equal(day.AddDays(3), view.Consultations[0].MeetingDate);
        Assert.Single(view.History, h => h.Text.Contains("verlegt", StringComparison.Ordinal));
        Assert.Empty(await store.PendingSyncsAsync(DateTimeOffset.MaxValue, default));
    }
}
