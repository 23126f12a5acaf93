using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Api;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>Drives one motion through the JSON API the way a faction, Beirat members and a clerk would.</summary>
public sealed class Scenario(WorkflowApp app)
{
    public static readonly JsonSerializerOptions Json = JsonBody.Options;
    public static readonly string[] VotingMembers =
    [
        "aylin.demir@example.org", "dimitrios.papadopoulos@example.org", "olena.kovalenko@example.org", "mehmet.yildiz@example.org",
        "fatima.al-hassan@example.org", "kwame.mensah@example.org", "joanna.nowak@example.org",
    ];

    public string Title { get; } = "Integrationskonzept " + Guid.NewGuid().ToString("N")[..8];
    public string MotionId { get; private set; } = "";

    public async Task<string> SubmitAsync(bool beiratReview = false, params string[] committees)
    {
        var response = await PostSubmissionAsync(null, beiratReview, committees);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        MotionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("motionId").GetString()!;
        return MotionId;
    }

    /// <summary><c>POST /api/motions</c> of this scenario's motion, optionally with an <c>Idempotency-Key</c>; the answer as it came.</summary>
    public async Task<HttpResponseMessage> PostSubmissionAsync(string? idempotencyKey, bool beiratReview = false, params string[] committees)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/motions")
        {
            Content = JsonContent.Create(new
            {
                factionId = "gruene",
                submitterName = "Maria Beispiel",
                submitterEmail = "maria.beispiel@example.org",
                title = Title,
                resolutionText = "Die Verwaltung wird beauftragt, ein Integrationskonzept zu entwickeln.",
                justification = "Integration ist eine Querschnittsaufgabe.",
                beiratReview,
                consultations = committees,
            }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        return await app.Anonymous.SendAsync(request);
    }

    public async Task<ReceivedMail> MailAsync(string to, string subjectPart)
    {
        var mails = await app.Mail.WaitForAsync(all => all.Any(m => Matches(m, to, subjectPart)));
        return mails.Last(m => Matches(m, to, subjectPart));
    }

    public async Task<int> CountMailsAsync(string to, string subjectPart) =>
        (await app.Mail.GetAllAsync()).Count(m => Matches(m, to, subjectPart));

    public async Task ConfirmFromMailAsync()
    {
        var mail = await MailAsync("gruene-fraktion@example.org", "bestätigen Sie den Antrag");
        var token = WorkflowApp.TokenFrom(mail, "/bestaetigen/");
        var response = await app.Anonymous.PostAsJsonAsync($"/api/motions/{MotionId}/confirm", new { token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Polls the motion; generous, since a CI machine runs the other test projects beside this one.</summary>
    public async Task<MotionView> WaitForStageAsync(MotionStage stage, Func<MotionView, bool>? also = null, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(90));
        MotionView? view = null;
        while (DateTime.UtcNow < until)
        {
            view = await GetAsync();
            if (view.Stage == stage && (also?.Invoke(view) ?? true))
            {
                return view;
            }
            await Task.Delay(30);
        }
        var instance = await app.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(MotionId);
        throw new TimeoutException($"Motion {MotionId} did not reach {stage}; it is {view?.Stage}: {view?.StatusText}; " +
            $"instance {instance?.RuntimeStatus} {instance?.FailureDetails?.ErrorMessage}; clock {app.Clock.GetUtcNow():MM-dd HH:mm}");
    }

    public Task<MotionView> GetAsync() => app.GetJsonAsync<MotionView>($"/api/motions/{MotionId}");

    /// <summary>Each voting member's personal token, read from their mail, in the order of <see cref="VotingMembers"/>.</summary>
    public async Task<List<string>> VoteTokensAsync(string subjectPart = "Ihre Stimme")
    {
        var tokens = new List<string>();
        foreach (var member in VotingMembers)
        {
            tokens.Add(WorkflowApp.TokenFrom(await MailAsync(member, subjectPart), "/votum/"));
        }
        return tokens;
    }

    public Task<HttpResponseMessage> VoteAsync(string token, string choice, string? comment = null) =>
        app.Anonymous.PostAsJsonAsync($"/api/votes/{token}", comment is null ? new { choice } : (object)new { choice, comment });

    /// <summary>
    /// From the Beirat's vote to the decision: the first member opens the vote page and votes yes with a comment, three
    /// more vote yes (the majority closes the vote), then the committee and the council approve.
    /// </summary>
    public async Task VoteAndDecideAsync(string comment)
    {
        await WaitForStageAsync(MotionStage.BeiratReview);
        var tokens = await VoteTokensAsync();
        await app.Anonymous.GetAsync($"/votum/{tokens[0]}");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await VoteAsync(tokens[i], "yes", i == 0 ? comment : null)).StatusCode);
        }
        await WaitForStageAsync(MotionStage.Consultation);
        await MeetAsync("ausschuss-soziales", "approved");
        await MeetAsync("rat", "approved");
        await WaitForStageAsync(MotionStage.Decided);
    }

    public Task<HttpResponseMessage> ScheduleAsync(string organizationId, DateOnly date) =>
        app.Clerk.PostAsJsonAsync($"/api/motions/{MotionId}/schedule", new { organizationId, meetingDate = date });

    public Task<HttpResponseMessage> ResultAsync(string organizationId, string outcome, string? resolutionText = null, string? referTo = null, int? followUpAfterDays = null) =>
        app.Clerk.PostAsJsonAsync($"/api/motions/{MotionId}/result", new { organizationId, outcome, resolutionText, referTo, followUpAfterDays, votes = new { yes = 9, no = 3, abstain = 1 } });

    /// <summary>Schedules the meeting, moves the clock to it, and records the outcome.</summary>
    public async Task MeetAsync(string organizationId, string outcome, int inDays = 7, string? resolutionText = null, string? referTo = null)
    {
        var today = BodyDate.Today(app.Clock);
        var date = today.AddDays(inDays);
        Assert.Equal(HttpStatusCode.OK, (await ScheduleAsync(organizationId, date)).StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(inDays));
        var result = await ResultAsync(organizationId, outcome, resolutionText, referTo);
        Assert.True(result.IsSuccessStatusCode, await result.Content.ReadAsStringAsync());
    }

    private bool Matches(ReceivedMail mail, string to, string subjectPart) =>
        mail.IsTo(to) && mail.Subject.Contains(subjectPart, StringComparison.OrdinalIgnoreCase) &&
        (mail.Subject.Contains(Title, StringComparison.Ordinal) || (mail.Text ?? "").Contains(Title, StringComparison.Ordinal));
}
