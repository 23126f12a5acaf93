using System.Net;
using System.Text.Json;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>
/// One motion through the whole workflow, only through the JSON API and the mails, as people and clerks would drive
/// it: submit, confirm from the mail, the Beirat's votes from their links, committee and council each scheduled for
/// today and their results recorded. Robust to a process dying under it: each call is retried until answered
/// (<see cref="Api"/>), and before the next step it waits until the motion shows the previous one applied, so a
/// command answered 202 (accepted, not applied yet) is never overtaken.
/// </summary>
public sealed class MotionJourney(Api api, MailFeed mail, MotionPlan plan, int votingMembers = 7)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    public MotionPlan Plan => plan;
    public string? MotionId { get; private set; }

    public async Task RunAsync()
    {
        await SubmitAndConfirmAsync();
        if (plan.BeiratChoices is { } choices)
        {
            var tokens = await VoteTokensAsync();
            await Task.WhenAll(tokens.Select((token, i) => CommandAsync($"api/votes/{token}", new { choice = choices[i] }, clerk: false)));
        }
        await WaitForAsync(m => Stage(m) is "Consultation", "in der Beratungsfolge");
        await ConsultAsync(MotionPlan.CommitteeId, plan.Committee, "approved");
        await ConsultAsync(MotionPlan.CouncilId, plan.Council, plan.CouncilOutcome);
        await WaitForAsync(m => Stage(m) is "Decided", "beschlossen");
    }

    /// <summary>A complete, valid submission of the faction "gruene" with the committee and the council to consult.</summary>
    public static object Submission(string title, bool beiratReview) => new
    {
        factionId = "gruene",
        submitterName = "Maria Beispiel",
        submitterEmail = "maria.beispiel@example.org",
        title,
        resolutionText = "Die Verwaltung wird beauftragt, ein Quartierskonzept zu entwickeln und dem Rat vorzulegen.",
        justification = "Ein Konzept bündelt die Maßnahmen der Stadt im Quartier.",
        beiratReview,
        consultations = new[] { MotionPlan.CommitteeId },
    };

    /// <summary>Until the Beirat's vote links are out; the motion then waits for the votes.</summary>
    public async Task SubmitAndConfirmAsync()
    {
        var submitted = await api.PostAsync("api/motions", Submission(plan.Title, plan.BeiratChoices is not null));
        Expect(submitted.Status == HttpStatusCode.Accepted, "Einreichen", submitted);
        var id = MotionId = submitted.Json.GetProperty("motionId").GetString()!;
        var token = await mail.WaitAsync(id, mails => mails.FirstOrDefault(m => m.Notification == "confirm:" + id)?.Token($"/antrag/{id}/bestaetigen/"),
            StepTimeout, "Bestätigungsmail");
        await CommandAsync($"api/motions/{id}/confirm", new { token }, clerk: false);
    }

    /// <summary>
    /// One personal link per voting member: the first vote mail each got. (A vote request whose sending was cut by a
    /// crash is sent again, and may carry a second, equally valid link; a member still votes once.)
    /// </summary>
    public Task<List<string>> VoteTokensAsync() => mail.WaitAsync(MotionId!, mails =>
        {
            var tokens = mails.Select(m => (m.To, Token: m.Token("/votum/"))).Where(m => m.Token is not null)
                .GroupBy(m => string.Join(",", m.To)).Select(g => g.First().Token!).Order(StringComparer.Ordinal).ToList();
            return tokens.Count >= votingMembers ? tokens : null;
        }, StepTimeout, $"{votingMembers} Abstimmungslinks");

    public async Task<JsonElement> ReadAsync()
    {
        var answer = await api.GetAsync($"api/motions/{MotionId}");
        Expect(answer.Status == HttpStatusCode.OK, "Lesen", answer);
        return answer.Json;
    }

    public static string? Stage(JsonElement motion) => motion.GetProperty("stage").GetString();

    public static JsonElement Consultation(JsonElement motion, string organizationId) =>
        motion.GetProperty("consultations").EnumerateArray().First(c => c.GetProperty("organizationId").GetString() == organizationId);

    private async Task ConsultAsync(string organizationId, Votes votes, string outcome)
    {
        var scheduled = await CommandAsync($"api/motions/{MotionId}/schedule", new { organizationId, meetingDate = Api.TodayInBerlin() }, clerk: true);
        if (scheduled.Status != HttpStatusCode.OK)
        {
            await WaitForAsync(m => Consultation(m, organizationId).GetProperty("meetingDate").ValueKind != JsonValueKind.Null, organizationId + " terminiert");
        }
        var recorded = await CommandAsync($"api/motions/{MotionId}/result",
            new { organizationId, outcome, votes = new { yes = votes.Yes, no = votes.No, abstain = votes.Abstain } }, clerk: true);
        if (recorded.Status != HttpStatusCode.OK)
        {
            await WaitForAsync(m => Consultation(m, organizationId).GetProperty("outcome").ValueKind != JsonValueKind.Null, organizationId + " Ergebnis");
        }
    }

    /// <summary>
    /// 200 or 202, or — only after an attempt that got no answer — a 409/410: that attempt was applied before the process
    /// died, and the state check of the next step proves it.
    /// </summary>
    private async Task<Answer> CommandAsync(string path, object body, bool clerk)
    {
        var answer = await api.PostAsync(path, body, clerk);
        Expect(answer.Accepted || (answer.Retried && answer.Status is HttpStatusCode.Conflict or HttpStatusCode.Gone), path, answer);
        return answer;
    }

    private async Task WaitForAsync(Func<JsonElement, bool> done, string what)
    {
        var until = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var motion = await ReadAsync();
            if (done(motion))
            {
                return;
            }
            if (Stage(motion) is "Failed" || DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"Antrag {plan.Number} ({MotionId}) wurde nicht {what}: {motion}");
            }
            await Task.Delay(Random.Shared.Next(700, 1300));
        }
    }

    private void Expect(bool ok, string step, Answer answer)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Antrag {plan.Number} ({MotionId}), {step}: {(int)answer.Status} {answer.Text}");
        }
    }
}
