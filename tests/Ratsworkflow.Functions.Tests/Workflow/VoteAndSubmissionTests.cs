using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Periodic;
using Ratsworkflow.Functions.Submission;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>Votes and submissions that must be refused, and votes that must all count.</summary>
public sealed class VoteAndSubmissionTests(AzuriteFixture azurite, MailDevFixture mail) : WorkflowAppTests(azurite, mail)
{
    private async Task<(Scenario Motion, List<string> Tokens)> InReviewAsync()
    {
        var motion = new Scenario(App);
        await motion.SubmitAsync(beiratReview: true, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.BeiratReview);
        return (motion, await motion.VoteTokensAsync());
    }

    [Fact]
    public async Task Vote_TamperedTruncatedOrMissingChoice_IsRefusedAndChangesNothing()
    {
        var (motion, tokens) = await InReviewAsync();
        var tampered = tokens[0][..^1] + (tokens[0][^1] == 'A' ? 'B' : 'A');

        var responses = new[]
        {
            await motion.VoteAsync(tampered, "yes"),
            await motion.VoteAsync(tokens[0][..20], "yes"),
            await App.Anonymous.PostAsJsonAsync($"/api/votes/{tokens[0]}", new { choice = "vielleicht" }),
            await App.Anonymous.PostAsJsonAsync($"/api/votes/{tokens[0]}", new { comment = "ohne Wahl" }),
        };

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()));
        }
        var after = await motion.GetAsync();
        Assert.Equal(0, after.Beirat!.Yes + after.Beirat.No + after.Beirat.Abstain);
    }

    [Fact]
    public async Task Vote_ExpiredToken_IsGoneAndChangesNothing()
    {
        var (motion, _) = await InReviewAsync();
        var store = App.Services.GetRequiredService<IAccessTokenStore>();
        var expired = await store.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote(motion.MotionId, "aylin-demir", 1), App.Clock.GetUtcNow().AddMinutes(1));
        App.Clock.Advance(TimeSpan.FromMinutes(2));

        var response = await motion.VoteAsync(expired, "yes");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(0, (await motion.GetAsync()).Beirat!.Yes);
    }

    [Fact]
    public async Task Vote_ReusedAfterCloseOrFromAnotherMotion_IsRefusedAndTheOtherMotionIsUntouched()
    {
        var (closed, closedTokens) = await InReviewAsync();
        foreach (var token in closedTokens.Take(4))
        {
            Assert.Equal(HttpStatusCode.OK, (await closed.VoteAsync(token, "yes")).StatusCode);
        }
        await closed.WaitForStageAsync(MotionStage.Consultation);
        var (open, _) = await InReviewAsync();

        var reused = await closed.VoteAsync(closedTokens[0], "no");
        var late = await closed.VoteAsync(closedTokens[5], "no");

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal((4, 0), ((await closed.GetAsync()).Beirat!.Yes, (await closed.GetAsync()).Beirat!.No));
        Assert.Equal(0, (await open.GetAsync()).Beirat!.No);
    }

    [Fact]
    public async Task Vote_AllMembersAtTheSameMoment_EveryVoteCountedOnce()
    {
        var (motion, tokens) = await InReviewAsync();
        var choices = new[] { "yes", "no", "yes", "no", "abstain", "yes", "no" };

        var responses = await Task.WhenAll(tokens.Select((t, i) => motion.VoteAsync(t, choices[i])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var after = await motion.WaitForStageAsync(MotionStage.Consultation);
        Assert.Equal((3, 3, 1), (after.Beirat!.Yes, after.Beirat.No, after.Beirat.Abstain));
        Assert.Equal(BeiratOutcome.Rejects, after.Beirat.Outcome);
        Assert.Equal(7, after.Beirat.VotingMembers);
    }

    [Fact]
    public async Task Vote_LinkClaimingAnotherMember_RefusedWhileThePlainAccessTokenCounts()
    {
        var (motion, links) = await InReviewAsync();
        Assert.True(VoteLink.TryRead(links[0], out var ownToken, out var own, out _));
        Assert.True(VoteLink.TryRead(links[1], out var otherToken, out var other, out _));
        var posingAsOther = VoteLink.Create(ownToken!, own! with { MemberId = other!.MemberId }).Link;

        var posing = await motion.VoteAsync(posingAsOther, "yes");
        var plain = await motion.VoteAsync(otherToken!, "no");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (posing.StatusCode, plain.StatusCode));
        var after = await motion.WaitForStageAsync(MotionStage.BeiratReview, m => m.Beirat!.No == 1);
        Assert.Equal((0, 1), (after.Beirat!.Yes, after.Beirat.No));
    }

    [Fact]
    public async Task Vote_SecondVoteBeforeClose_ReplacesTheFirst()
    {
        var (motion, tokens) = await InReviewAsync();

        Assert.Equal(HttpStatusCode.OK, (await motion.VoteAsync(tokens[0], "yes")).StatusCode);
        var second = await motion.VoteAsync(tokens[0], "no");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("ersetzt", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The record counts a moment after the votes were stored; the first vote never counts twice.
        var after = await motion.WaitForStageAsync(MotionStage.BeiratReview, m => m.Beirat!.No == 1);
        Assert.Equal((0, 1), (after.Beirat!.Yes, after.Beirat.No));
    }

    [Fact]
    public async Task Submit_InvalidInput_Returns400WithGermanFieldErrorsAndStoresNothing()
    {
        var before = await App.GetJsonAsync<Api.MotionListResponse>("/api/motions?pageSize=200");

        var response = await App.Anonymous.PostAsJsonAsync("/api/motions", new { factionId = "unbekannt", title = "", submitterEmail = "keine-adresse" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("submitterEmail", out _));
        Assert.True(errors.TryGetProperty("factionId", out _));
        var after = await App.GetJsonAsync<Api.MotionListResponse>("/api/motions?pageSize=200");
        Assert.Equal(before.Items.Count, after.Items.Count);
    }

    [Fact]
    public async Task Confirm_WithAnotherMotionsTokenOrTwice_IsRefusedOnceAndIdempotentAfterwards()
    {
        var first = new Scenario(App);
        await first.SubmitAsync();
        var second = new Scenario(App);
        await second.SubmitAsync();
        var firstToken = WorkflowApp.TokenFrom(await first.MailAsync("gruene-fraktion@example.org", "bestätigen Sie den Antrag"), "/bestaetigen/");

        var crossed = await App.Anonymous.PostAsJsonAsync($"/api/motions/{second.MotionId}/confirm", new { token = firstToken });
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(MotionStage.AwaitingConfirmation, (await second.GetAsync()).Stage);

        await first.ConfirmFromMailAsync();
        await first.ConfirmFromMailAsync();
        await first.WaitForStageAsync(MotionStage.Council);
    }

    [Fact]
    public async Task ConfirmationExpiry_UnconfirmedAfterSevenDays_DeletesTheMotionAndTellsTheFaction()
    {
        var motion = new Scenario(App);
        await motion.SubmitAsync();
        var token = WorkflowApp.TokenFrom(await motion.MailAsync("gruene-fraktion@example.org", "bestätigen Sie den Antrag"), "/bestaetigen/");

        App.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        foreach (var work in App.Services.GetServices<IPeriodicWork>())
        {
            await work.RunAsync(CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await App.Clerk.GetAsync($"/api/motions/{motion.MotionId}")).StatusCode);
        await motion.MailAsync("gruene-fraktion@example.org", "verfallen");
        var late = await App.Anonymous.PostAsJsonAsync($"/api/motions/{motion.MotionId}/confirm", new { token });
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [Fact]
    public async Task ClerkEndpoints_WithoutBearerToken_Return401ProblemInGerman()
    {
        var motion = new Scenario(App);
        await motion.SubmitAsync();

        var get = await App.Anonymous.GetAsync($"/api/motions/{motion.MotionId}");
        var list = await App.Anonymous.GetAsync("/api/motions");
        var schedule = await App.Anonymous.PostAsJsonAsync($"/api/motions/{motion.MotionId}/schedule", new { organizationId = "rat", meetingDate = "2026-12-01" });

        Assert.All(new[] { get, list, schedule }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
    }
}
