using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Wording;

/// <summary>
/// The sentences the workflow's steps write into a motion's status line and timeline, which clerks, factions and the
/// public read. Built here, not in the steps, so every one declines organization names ("im Integrationsrat", "des
/// Ausschusses für Finanzen"), counts with the right noun ("1 Mitglied") and shows instants in the municipality's time
/// (a Beirat deadline at 00:30 in Göttingen is the previous day in UTC). None of them enters the workflow's history:
/// steps only save them, so changing a sentence never breaks the replay of a running motion.
/// </summary>
public static class WorkflowSentences
{
    public static string Registered(string reference) => $"Antrag registriert als {reference}.";

    /// <summary>Status while the Beirat votes: "Abstimmung im Integrationsrat läuft".</summary>
    public static string BeiratVoteRunning(OrganizationName beirat) => $"Abstimmung {beirat.In} läuft";

    public static string BeiratVoteStarted(OrganizationName beirat, DateTimeOffset deadline) =>
        $"Abstimmung {beirat.In} bis {GermanDates.Deadline(deadline)} begonnen.";

    public static string VotesCounted(int votes, int votingMembers) => $"Stimmen eingegangen: {votes} von {votingMembers}.";

    public static string RemindersSent(int members) =>
        $"Erinnerung an {GermanText.Counted(members, "Mitglied", "Mitglieder")} ohne Stimme gesendet.";

    /// <summary>Status once the vote is closed: "Integrationsrat: empfiehlt den Antrag" (a label, read in a list).</summary>
    public static string BeiratStatus(OrganizationName beirat, BeiratOutcome outcome) => $"{beirat.Name}: {BeiratTexts.DisplayName(outcome)}";

    /// <summary>"Der Integrationsrat empfiehlt den Antrag (Ja 5, Nein 1, Enthaltung 0)."</summary>
    public static string BeiratResult(OrganizationName beirat, BeiratOutcome outcome, VoteCount votes) =>
        $"{BeiratTexts.Sentence(beirat, outcome)} ({VoteWording.Counts(votes)}).";

    /// <summary>"Beratungsfolge begonnen: Ausschuss für Finanzen → Rat der Stadt Göttingen" (names in a list need no article).</summary>
    public static string ConsultationsBegun(IEnumerable<OrganizationName> bodies) =>
        "Beratungsfolge begonnen: " + string.Join(" → ", bodies.Select(b => b.Name));

    /// <summary>Status of a scheduled consultation: "Beratung im Verwaltungsausschuss am 03.03.2026".</summary>
    public static string MeetingScheduled(OrganizationName body, DateOnly meetingDate) =>
        $"Beratung {body.In} am {GermanFormat.ShortDate(meetingDate)}";

    /// <summary>Status before a date is set: "Wartet auf einen Sitzungstermin des Ausschusses für Finanzen".</summary>
    public static string AwaitingMeetingDate(OrganizationName body) => $"Wartet auf einen Sitzungstermin {body.Genitive}";

    /// <summary>Status once the council decided: "Beschlossen: unverändert beschlossen".</summary>
    public static string Decided(ConsultationOutcome outcome) => $"Beschlossen: {ConsultationOutcomes.DisplayName(outcome, byCouncil: true)}";

    public static string MeetingMoved(OrganizationName body, DateOnly from, DateOnly to) =>
        $"{body.Name}: Sitzung vom {GermanFormat.ShortDate(from)} auf den {GermanFormat.ShortDate(to)} verlegt.";

    /// <summary>A motion scheduled by date before meetings existed, now linked to that day's meeting.</summary>
    public static string MeetingAssigned(OrganizationName body, DateOnly meetingDate) =>
        $"{body.Name}: Beratung am {GermanFormat.ShortDate(meetingDate)} der Sitzung zugeordnet.";

    public static string MeetingCancelled(OrganizationName body, DateOnly? meetingDate) =>
        $"{body.Name}: Sitzung{(meetingDate is { } date ? $" vom {GermanFormat.ShortDate(date)}" : "")} abgesagt; " +
        "die Beratung wartet auf einen neuen Termin.";

    public static string MeetingSet(OrganizationName body, DateOnly meetingDate) =>
        $"{body.Name}: Beratung am {GermanFormat.ShortDate(meetingDate)} terminiert.";

    /// <summary>"Verwaltungsausschuss (03.03.2026): zur Annahme empfohlen (Ja 9, Nein 2, Enthaltung 0)."</summary>
    public static string ResultRecorded(OrganizationName body, DateOnly meetingDate, ConsultationOutcome outcome, bool byCouncil, VoteCount? votes) =>
        $"{body.Name} ({GermanFormat.ShortDate(meetingDate)}): " +
        $"{ConsultationOutcomes.DisplayName(outcome, byCouncil)}{(votes is { } v ? $" ({VoteWording.Counts(v)})" : "")}.";

    public static string ResolutionTextAmended(OrganizationName body, int version) =>
        $"Beschlussvorschlag geändert durch {body.Accusative} (Fassung {version}).";

    /// <summary>"Der Ausschuss für Finanzen wurde in die Beratungsfolge aufgenommen (verwiesen vom Verwaltungsausschuss)."</summary>
    public static string ConsultationInserted(OrganizationName body, OrganizationName referredBy) =>
        $"{OrganizationName.Capitalized(body.Nominative)} wurde in die Beratungsfolge aufgenommen (verwiesen {referredBy.From}).";

    /// <summary>"Beschluss des Rats der Stadt Göttingen: unverändert beschlossen."</summary>
    public static string MotionDecided(OrganizationName council, ConsultationOutcome outcome) =>
        $"Beschluss {council.Genitive}: {ConsultationOutcomes.DisplayName(outcome, byCouncil: true)}.";

    public static string OverdueStatus(DateOnly meetingDate) => $"Überfällig: Ergebnis der Sitzung vom {GermanFormat.ShortDate(meetingDate)} fehlt";

    /// <summary>"Überfällig: Das Ergebnis des Verwaltungsausschusses vom 03.03.2026 fehlt."</summary>
    public static string Overdue(OrganizationName body, DateOnly meetingDate) =>
        $"Überfällig: Das Ergebnis {body.Genitive} vom {GermanFormat.ShortDate(meetingDate)} fehlt.";

    /// <summary>"Wiedervorlage fällig (2.)": the how-manieth reminder since the decision.</summary>
    public static string FollowUpDue(int count) => $"Wiedervorlage fällig ({count}.)";

    public static string FollowUpInstruction(DateOnly next) =>
        $"Der Beschluss ist zur Wiedervorlage fällig; die nächste folgt am {GermanFormat.ShortDate(next)}.";

}
