using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Api;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>The Beratungsfolge's paths: postponements, referrals, amendments, withdrawals, overdue alerts, Wiedervorlage.</summary>
public sealed class ConsultationScenarioTests(AzuriteFixture azurite, MailDevFixture mail) : WorkflowAppTests(azurite, mail)
{
    private async Task<Scenario> InConsultationAsync(params string[] committees)
    {
        var motion = new Scenario(App);
        await motion.SubmitAsync(beiratReview: false, committees);
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(committees.Length > 0 ? MotionStage.Consultation : MotionStage.Council);
        return motion;
    }

    [Fact]
    public async Task Committee_PostponesTwiceThenApproves_WaitsForANewDateEachTime()
    {
        var motion = await InConsultationAsync("ausschuss-soziales");

        await motion.MeetAsync("ausschuss-soziales", "postponed");
        var postponed = await motion.WaitForStageAsync(MotionStage.Consultation);
        Assert.Equal(ConsultationOutcome.Postponed, postponed.Consultations[0].Outcome);
        Assert.Null(postponed.Consultations[0].MeetingDate);
        Assert.Contains("Sitzungstermin", postponed.WaitingFor, StringComparison.Ordinal);
        await motion.MeetAsync("ausschuss-soziales", "postponed");
        await motion.MeetAsync("ausschuss-soziales", "approved");

        var council = await motion.WaitForStageAsync(MotionStage.Council);
        Assert.Equal(ConsultationOutcome.Approved, council.Consultations[0].Outcome);
        Assert.Equal(3, council.History.Count(h => h.Type == "consultation" && h.Text.Contains("Ausschuss", StringComparison.Ordinal) && h.Text.Contains("terminiert", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Council_RefersBackToACommittee_CommitteeIsInsertedAndTheCouncilDecidesAfterIt()
    {
        var motion = await InConsultationAsync();

        await motion.MeetAsync("rat", "referred", referTo: "ausschuss-finanzen");
        var referred = await motion.WaitForStageAsync(MotionStage.Consultation);
        Assert.Equal(["rat", "ausschuss-finanzen", "rat"], referred.Consultations.Select(c => c.OrganizationId));
        await motion.MeetAsync("ausschuss-finanzen", "approved");
        await motion.MeetAsync("rat", "approved");

        var decided = await motion.WaitForStageAsync(MotionStage.Decided);
        Assert.Equal(ConsultationOutcome.Approved, decided.Decision);
    }

    [Fact]
    public async Task Amended_ByCommittee_NewTextIsCarriedToTheCouncilAndEveryVersionKept()
    {
        var motion = await InConsultationAsync("ausschuss-soziales");
        const string amended = "Die Verwaltung wird beauftragt, bis Ende 2027 ein Integrationskonzept vorzulegen.";

        await motion.MeetAsync("ausschuss-soziales", "amended", resolutionText: amended);
        await motion.MeetAsync("rat", "approved");

        var decided = await motion.WaitForStageAsync(MotionStage.Decided);
        Assert.Equal(amended, decided.ResolutionText);
        Assert.Equal(2, decided.ResolutionTexts.Count);
        Assert.StartsWith("Die Verwaltung wird beauftragt, ein", decided.ResolutionTexts[0].Text, StringComparison.Ordinal);
        var decision = await motion.MailAsync("gruene-fraktion@example.org", "Entscheidung des Rates");
        Assert.Contains("bis Ende 2027", decision.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_DuringConsultationByClerk_EndsWithdrawnAndRefusesLaterResults()
    {
        var motion = await InConsultationAsync("ausschuss-soziales");

        var response = await App.Clerk.PostAsync($"/api/motions/{motion.MotionId}/withdraw", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var withdrawn = await motion.WaitForStageAsync(MotionStage.Withdrawn);

        Assert.Contains(withdrawn.History, h => h.Type == "withdrawn");
        await motion.MailAsync("ratsbuero@example.org", "zurückgezogen");
        var late = await motion.ScheduleAsync("ausschuss-soziales", BodyDate.Today(App.Clock));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Withdraw_DuringBeiratReviewWithTheFactionsStatusLink_ClosesTheVote()
    {
        var motion = new Scenario(App);
        await motion.SubmitAsync(beiratReview: true, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.BeiratReview);
        var votes = await motion.VoteTokensAsync();
        var statusToken = WorkflowApp.TokenFrom(await motion.MailAsync("gruene-fraktion@example.org", "Antrag registriert"), "/status/");

        var forged = await App.Anonymous.PostAsJsonAsync($"/api/motions/{motion.MotionId}/withdraw", new { token = statusToken[..^2] + "xx" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var response = await App.Anonymous.PostAsJsonAsync($"/api/motions/{motion.MotionId}/withdraw", new { token = statusToken });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await motion.WaitForStageAsync(MotionStage.Withdrawn);
        await motion.MailAsync(Scenario.VotingMembers[0], "zurückgezogen");
        Assert.Equal(HttpStatusCode.Conflict, (await motion.VoteAsync(votes[0], "yes")).StatusCode);
        var again = await App.Anonymous.PostAsJsonAsync($"/api/motions/{motion.MotionId}/withdraw", new { token = statusToken });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Overdue_MeetingPassedWithoutResult_AlertsClerksAndMarksItUntilRecorded()
    {
        // Due at the start of the meeting day instead of two days after it ended: the engine's timers run on real time.
        await RestartAsync(new Dictionary<string, string?> { ["Workflow:OverdueGrace"] = "-1.00:00:00" });
        var motion = await InConsultationAsync("ausschuss-soziales");
        var today = BodyDate.Today(App.Clock);
        Assert.Equal(HttpStatusCode.OK, (await motion.ScheduleAsync("ausschuss-soziales", today)).StatusCode);

        var overdue = await motion.WaitForStageAsync(MotionStage.Consultation, m => m.Overdue);
        await motion.MailAsync("ratsbuero@example.org", "Ergebnis fehlt");
        var listed = await App.GetJsonAsync<MotionListResponse>("/api/motions?overdue=true");
        Assert.Contains(listed.Items, i => i.MotionId == motion.MotionId);

        Assert.True((await motion.ResultAsync("ausschuss-soziales", "approved")).IsSuccessStatusCode);
        var recorded = await motion.WaitForStageAsync(MotionStage.Council);
        Assert.False(recorded.Overdue);
        Assert.True(overdue.Overdue);
        Assert.Contains(overdue.History, h => h.Type == "overdue");
        var after = await App.GetJsonAsync<MotionListResponse>("/api/motions?overdue=true");
        Assert.DoesNotContain(after.Items, i => i.MotionId == motion.MotionId);
    }

    [Fact]
    public async Task FollowUp_AskedWithTheCouncilsResult_RunsAfterTheDecisionUntilAClerkEndsIt()
    {
        var motion = await InConsultationAsync();
        var today = BodyDate.Today(App.Clock);
        var engine = App.Services.GetRequiredService<DurableTaskClient>();
        Assert.Equal(HttpStatusCode.OK, (await motion.ScheduleAsync("rat", today)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await motion.ResultAsync("rat", "approved", followUpAfterDays: 730)).StatusCode);
        await motion.WaitForStageAsync(MotionStage.Decided);
        var running = await WaitForFollowUpAsync(engine, motion.MotionId);

        var end = await App.Clerk.PostAsync($"/api/motions/{motion.MotionId}/followup/end", null);
        var again = await App.Clerk.PostAsync($"/api/motions/{motion.MotionId}/followup/end", null);

        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(730, running.Interval.TotalDays);
        var ended = await engine.WaitForInstanceCompletionAsync(motion.MotionId, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        Assert.Contains((await motion.GetAsync()).History, h => h.Type == "followUpEnded");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3661)]
    public async Task Result_FollowUpOutsideOneTo3660Days_Returns400WithTheGermanReasonBeforeLookingAtTheMotion(int days)
    {
        var response = await App.Clerk.PostAsJsonAsync("/api/motions/nichtda/result",
            new { organizationId = "rat", outcome = "approved", followUpAfterDays = days });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Die Wiedervorlage muss zwischen 1 und 3660 Tagen liegen.", problem.GetProperty("detail").GetString());
        Assert.Equal("Bitte geben Sie 1 bis 3660 Tage an.", problem.GetProperty("errors").GetProperty("followUpAfterDays")[0].GetString());
    }

    private static async Task<Ratsworkflow.Functions.Workflow.FollowUp> WaitForFollowUpAsync(DurableTaskClient engine, string motionId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (await engine.GetInstanceAsync(motionId, getInputsAndOutputs: true) is { IsRunning: true } instance
                && instance.ReadInputAs<Ratsworkflow.Functions.Workflow.MotionWorkflowInput>()?.FollowUp is { } followUp)
            {
                return followUp;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Motion {motionId} did not continue with a Wiedervorlage.");
    }

    [Fact]
    public async Task Result_InTheWrongStageOrForTheWrongBody_IsRefusedWithGermanProblemAndChangesNothing()
    {
        var motion = await InConsultationAsync("ausschuss-soziales");
        var before = await motion.GetAsync();

        var wrongBody = await motion.ScheduleAsync("rat", BodyDate.Today(App.Clock));
        var noDate = await motion.ResultAsync("ausschuss-soziales", "approved");
        var badOutcome = await App.Clerk.PostAsJsonAsync($"/api/motions/{motion.MotionId}/result", new { organizationId = "ausschuss-soziales", outcome = "vielleicht" });

        Assert.Equal(HttpStatusCode.Conflict, wrongBody.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        Assert.Contains("Wert", await badOutcome.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await motion.GetAsync();
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }
}
