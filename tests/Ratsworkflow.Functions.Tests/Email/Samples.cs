using Ratsworkflow.Functions.Motions;
using ConsultationOutcome = Ratsworkflow.Functions.Consultations.ConsultationOutcome;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Email;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Email;

/// <summary>One notification of every kind, filled the way the workflow fills them.</summary>
internal static class Samples
{
    public const string MotionId = "m-7f3a";
    public static readonly Mailbox Faction = new("fraktion@example.org", "Grüne Fraktion");
    public static readonly Mailbox Clerk = new("ratsbuero@example.org", "Ratsbüro");
    public static readonly Mailbox Member = new("mitglied@example.org", "Ayşe Yılmaz");
    public static readonly DateTimeOffset At = new(2026, 3, 2, 13, 5, 0, TimeSpan.Zero);

    public static MotionSummary Motion(string? reference = "A/2026/0042", string title = "Mehr Radwege in der Südstadt") =>
        new(reference, title, "Grüne Fraktion");

    public static IEnumerable<Notification> All(MotionSummary? motion = null)
    {
        var m = motion ?? Motion();
        var unregistered = m with { Reference = null };
        yield return new ConfirmationRequested
        {
            To = [Faction], Link = MailLink.Confirmation(MotionId, "confirm-token"), Motion = unregistered,
            SubmitterName = "Erika Müller", SubmittedAt = At, ExpiresAt = At.AddDays(7),
        };
        yield return new ConfirmationExpired { To = [Faction], Link = MailLink.NewMotion(), Motion = unregistered, SubmittedAt = At };
        yield return new MotionRegistered
        {
            To = [Faction], Link = MailLink.FactionStatus(MotionId, "status-token"), Motion = m, RegisteredAt = At,
            BeiratName = "Integrationsrat", Consultations = ["Ausschuss für Soziales und Integration", "Verwaltungsausschuss", "Rat"],
        };
        yield return new NewMotionForClerks
        {
            To = [Clerk], Link = MailLink.ClerkMotion(MotionId), Motion = m, RegisteredAt = At,
            Consultations = ["Ausschuss für Soziales und Integration", "Verwaltungsausschuss", "Rat"],
        };
        yield return new VoteRequested
        {
            To = [Member], Link = MailLink.Vote("vote-token"), Motion = m, BeiratName = "Integrationsrat", MemberName = "Ayşe Yılmaz",
            Deadline = At.AddDays(14), ResolutionText = "Der Rat beschließt:\n1. Radwege bauen.\n2. Bericht in einem Jahr.",
        };
        yield return new VoteReminder
        {
            To = [Member], Link = MailLink.Vote("vote-token"), Motion = m, BeiratName = "Integrationsrat",
            Deadline = At.AddDays(14), ResolutionText = "Der Rat beschließt, Radwege zu bauen.",
        };
        yield return new BeiratResultAnnounced
        {
            To = [Faction], Link = MailLink.FactionStatus(MotionId, "status-token"), Motion = m, BeiratName = "Integrationsrat",
            Outcome = BeiratOutcome.Recommends, Votes = new VoteCount(7, 2, 1), NextBody = "Ausschuss für Soziales und Integration",
        };
        yield return new ConsultationScheduled
        {
            To = [Faction], Link = MailLink.FactionStatus(MotionId, "status-token"), Motion = m,
            OrganizationName = "Verwaltungsausschuss", MeetingDate = new DateOnly(2026, 4, 14),
        };
        yield return new MeetingCancelled
        {
            To = [Faction], Link = MailLink.FactionStatus(MotionId, "status-token"), Motion = m,
            OrganizationName = "Verwaltungsausschuss", MeetingDate = new DateOnly(2026, 4, 14),
        };
        yield return new ConsultationResultRecorded
        {
            To = [Faction], Link = MailLink.FactionStatus(MotionId, "status-token"), Motion = m, OrganizationName = "Verwaltungsausschuss",
            MeetingDate = new DateOnly(2026, 4, 14), Outcome = ConsultationOutcome.Amended, Votes = new VoteCount(9, 3, 0),
            ResolutionText = "Der Rat beschließt, Radwege zu prüfen.", NextBody = "Rat",
        };
        yield return new MotionOverdue
        {
            To = [Clerk], Link = MailLink.ClerkMotion(MotionId), Motion = m,
            OrganizationName = "Verwaltungsausschuss", MeetingDate = new DateOnly(2026, 4, 14),
        };
        yield return new MotionDecided
        {
            To = [Faction, Clerk], Link = MailLink.PublicMotion(MotionId), Motion = m, CouncilName = "Rat der Stadt",
            MeetingDate = new DateOnly(2026, 5, 7), Outcome = ConsultationOutcome.Approved, Votes = new VoteCount(30, 12, 4),
            ResolutionText = "Der Rat beschließt, Radwege zu bauen.", FollowUpDue = new DateOnly(2028, 5, 7),
        };
        yield return new MotionWithdrawn
        {
            To = [Faction, Clerk], Link = MailLink.FactionStatus(MotionId, "status-token"), Motion = m,
            WithdrawnAt = At.AddDays(20), WithdrawnBy = "Grüne Fraktion",
        };
        yield return new FollowUpDue
        {
            To = [Clerk], Link = MailLink.ClerkMotion(MotionId), Motion = m,
            DueDate = new DateOnly(2028, 5, 7), Instruction = "Evaluieren und fortschreiben, alle zwei Jahre.",
        };
        yield return new ClerkSignInRequested { To = [Clerk], Link = MailLink.ClerkSignIn("sign-in-token"), ExpiresAt = At.AddMinutes(15) };
    }

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var notification in All())
        {
            data.Add(notification.GetType().Name);
        }
        return data;
    }

    public static Notification OfKind(string kind, MotionSummary? motion = null) => All(motion).Single(n => n.GetType().Name == kind);
}
