using System.Diagnostics;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// One motion through the whole workflow, only through the JSON API and the mails: submit, confirm from the mail,
/// the seven Beirat votes from their links (3 yes, 3 no, 1 abstain: the vote closes when the seventh is in, never
/// earlier), one committee and the council each scheduled for today (Europe/Berlin) and their results recorded.
/// </summary>
internal sealed class MotionDriver(Api api, MailSink mail)
{
    public static readonly string[] Choices = ["yes", "no", "yes", "no", "yes", "no", "abstain"];
    public const int VotingMembers = 7;
    public const string CommitteeId = "ausschuss-soziales";
    public const string CouncilId = "rat";

    /// <summary>The Beirat's result goes to its 7 members, the faction and the clerks: 13 mails in this setup.</summary>
    public const int BeiratResultMails = 13;

    private static long _sequence;

    /// <summary>A mail of the Beirat result's kinds; faction and clerks get mails of those kinds from registration too (tell by time or step).</summary>
    public static bool IsBeiratResult(SinkMail mail) => mail.Kind is "members" or "faction" or "clerks";

    public static string NewTitle() =>
        $"Integrationskonzept Quartier {Interlocked.Increment(ref _sequence)} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Submits and confirms; returns when the vote links are out (the motion waits in Beirat review).</summary>
    public async Task<(string MotionId, IReadOnlyList<string> VoteTokens)> SubmitToBeiratAsync()
    {
        var id = await api.SubmitAsync(NewTitle());
        var confirmation = await mail.WaitAsync(id, m => m.Kind == "confirm");
        await api.ConfirmAsync(id, confirmation[0].Token!);
        var votes = await mail.WaitAsync(id, m => m.Kind.StartsWith("vote-", StringComparison.Ordinal), VotingMembers);
        return (id, votes.OrderBy(v => v.Kind, StringComparer.Ordinal).Select(v => v.Token!).ToList());
    }

    /// <summary>Waits until the Beirat's result is out and the motion is in consultation.</summary>
    public async Task AwaitBeiratResultAsync(string motionId)
    {
        await mail.WaitAsync(motionId, m => m.Kind == "members");
        await api.WaitForStageAsync(motionId, "Consultation");
    }

    /// <summary>Committee then council, each scheduled for today and decided; returns when the decision mails are out.</summary>
    public async Task ConsultAsync(string motionId)
    {
        var today = Api.TodayInBerlin();
        await api.ScheduleAsync(motionId, CommitteeId, today);
        await api.ResultAsync(motionId, CommitteeId, "approved");
        await api.ScheduleAsync(motionId, CouncilId, today);
        await api.ResultAsync(motionId, CouncilId, "approved");
        await mail.WaitAsync(motionId, m => m.Kind == "decided-involved");
    }

    /// <summary>The whole workflow; returns its duration.</summary>
    public async Task<TimeSpan> RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var (id, tokens) = await SubmitToBeiratAsync();
        await Task.WhenAll(tokens.Select((t, i) => api.VoteAsync(t, Choices[i])));
        await AwaitBeiratResultAsync(id);
        await ConsultAsync(id);
        return Stopwatch.GetElapsedTime(started);
    }
}
