using Xunit;
using System.Net;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>One scenario per path of docs/design.md §1, driven through the JSON API against Azurite and maildev.</summary>
public sealed class ScenarioTests(AzuriteFixture azurite, MailDevFixture mail) : WorkflowAppTests(azurite, mail)
{
    [Fact]
    public async Task StraightApproval_CommitteeThenCouncil_EndsDecidedWithAReferenceAndMailsAtEveryStep()
    {
        var motion = new Scenario(App);
        await motion.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        var registered = await motion.WaitForStageAsync(MotionStage.Consultation);
        Assert.Matches(@"^A/2026/\d{4}$", registered.Reference);

        await motion.MeetAsync("ausschuss-soziales", "approved");
        await motion.WaitForStageAsync(MotionStage.Council);
        await motion.MeetAsync("rat", "approved");
        var decided = await motion.WaitForStageAsync(MotionStage.Decided);

        Assert.Equal(ConsultationOutcome.Approved, decided.Decision);
        Assert.All(decided.Consultations, c => Assert.Equal(ConsultationOutcome.Approved, c.Outcome));
        Assert.Contains(decided.History, h => h.Type == "registered");
        await motion.MailAsync("gruene-fraktion@example.org", "Antrag registriert");
        await motion.MailAsync("ratsbuero@example.org", "Neuer Antrag");
        await motion.MailAsync("gruene-fraktion@example.org", "Beratung terminiert");
        await motion.MailAsync("ausschuss-soziales@example.org", "Beratung terminiert");
        await motion.MailAsync("gruene-fraktion@example.org", "Ergebnis der Beratung");
        await motion.MailAsync("gruene-fraktion@example.org", "Entscheidung des Rates");
        await motion.MailAsync("ratsbuero@example.org", "Entscheidung des Rates");
        await motion.MailAsync("maria.beispiel@example.org", "Entscheidung des Rates");
    }

    [Fact]
    public async Task BeiratRejects_MajorityNo_ClosesEarlyAndTellsEveryone()
    {
        var motion = new Scenario(App);
        await motion.SubmitAsync(beiratReview: true, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.BeiratReview);
        var tokens = await motion.VoteTokensAsync();

        foreach (var token in tokens.Take(4))
        {
            Assert.Equal(HttpStatusCode.OK, (await motion.VoteAsync(token, "no")).StatusCode);
        }
        var after = await motion.WaitForStageAsync(MotionStage.Consultation);

        Assert.Equal(BeiratOutcome.Rejects, after.Beirat!.Outcome);
        Assert.Equal(4, after.Beirat.No);
        await motion.MailAsync("gruene-fraktion@example.org", "Ergebnis der Abstimmung");
        await motion.MailAsync("ratsbuero@example.org", "Ergebnis der Abstimmung");
        await motion.MailAsync("joanna.nowak@example.org", "Ergebnis der Abstimmung");
        Assert.Equal(HttpStatusCode.Conflict, (await motion.VoteAsync(tokens[6], "yes")).StatusCode);
    }

    [Fact]
    public async Task BeiratWithoutQuorum_DeadlinePassesWithThreeVotes_GivesNoRecommendation()
    {
        await RestartAsync(new Dictionary<string, string?> { ["Workflow:BeiratDeadline"] = "00:00:15", ["Workflow:BeiratReminderBefore"] = "00:00:00" });
        var motion = new Scenario(App);
        await motion.SubmitAsync(beiratReview: true);
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.BeiratReview);
        var tokens = await motion.VoteTokensAsync();
        foreach (var (token, choice) in tokens.Zip(["yes", "yes", "no"]))
        {
            Assert.Equal(HttpStatusCode.OK, (await motion.VoteAsync(token, choice)).StatusCode);
        }

        var after = await motion.WaitForStageAsync(MotionStage.Council);

        Assert.Equal(BeiratOutcome.None, after.Beirat!.Outcome);
        Assert.Equal((2, 1, 0), (after.Beirat.Yes, after.Beirat.No, after.Beirat.Abstain));
        Assert.Equal(HttpStatusCode.Conflict, (await motion.VoteAsync(tokens[3], "yes")).StatusCode);
    }

    [Fact]
    public async Task BeiratClosesEarly_AllMembersVoted_RecommendsBeforeTheDeadline()
    {
        var motion = new Scenario(App);
        await motion.SubmitAsync(beiratReview: true);
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.BeiratReview);
        var tokens = await motion.VoteTokensAsync();
        var choices = new[] { "yes", "yes", "abstain", "no", "yes", "abstain", "no" };

        for (var i = 0; i < tokens.Count; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await motion.VoteAsync(tokens[i], choices[i])).StatusCode);
        }
        var after = await motion.WaitForStageAsync(MotionStage.Council);

        Assert.Equal(BeiratOutcome.Recommends, after.Beirat!.Outcome);
        Assert.Equal((3, 2, 2), (after.Beirat.Yes, after.Beirat.No, after.Beirat.Abstain));
    }

    [Fact]
    public async Task Reminder_BeforeTheDeadline_GoesOnceAndOnlyToMembersWhoHaveNotVoted()
    {
        await RestartAsync(new Dictionary<string, string?> { ["Workflow:BeiratDeadline"] = "00:00:20", ["Workflow:BeiratReminderBefore"] = "00:00:10" });
        var motion = new Scenario(App);
        await motion.SubmitAsync(beiratReview: true);
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.BeiratReview);
        var first = WorkflowApp.TokenFrom(await motion.MailAsync(Scenario.VotingMembers[0], "Ihre Stimme"), "/votum/");
        Assert.Equal(HttpStatusCode.OK, (await motion.VoteAsync(first, "yes")).StatusCode);

        await motion.WaitForStageAsync(MotionStage.BeiratReview, m => m.History.Any(h => h.Type == "beiratReminder"));

        var reminderToken = WorkflowApp.TokenFrom(await motion.MailAsync(Scenario.VotingMembers[1], "Erinnerung"), "/votum/");
        Assert.Equal(HttpStatusCode.OK, (await motion.VoteAsync(reminderToken, "no")).StatusCode);
        await motion.WaitForStageAsync(MotionStage.Council); // the deadline passed: no second reminder came before it
        Assert.Equal(0, await motion.CountMailsAsync(Scenario.VotingMembers[0], "Erinnerung"));
        foreach (var member in Scenario.VotingMembers.Skip(1))
        {
            Assert.Equal(1, await motion.CountMailsAsync(member, "Erinnerung"));
        }
    }
}
