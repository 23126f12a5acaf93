using System.Globalization;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tests.Organizations;
using Ratsworkflow.Functions.Wording;
using Ratsworkflow.Functions.Workflow.Steps;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Wording;

/// <summary>The status lines and timeline entries the workflow's steps write, as clerks and factions read them.</summary>
public sealed class WorkflowSentencesTests
{
    private static readonly DateOnly MeetingDay = new(2026, 3, 3);

    [Fact]
    public void RemindersSent_OneMember_Singular() =>
        Assert.Equal("Erinnerung an 1 Mitglied ohne Stimme gesendet.", WorkflowSentences.RemindersSent(1));

    [Fact]
    public void RemindersSent_SeveralMembers_Plural() =>
        Assert.Equal("Erinnerung an 3 Mitglieder ohne Stimme gesendet.", WorkflowSentences.RemindersSent(3));

    [Fact]
    public void BeiratVoteStarted_DeadlineAfterMidnightInGoettingen_LocalDayAndTime()
    {
        // 23:30 UTC is 00:30 the next day in Göttingen: the UTC date was a day early.
        var deadline = DateTimeOffset.Parse("2026-03-03T23:30:00Z", CultureInfo.InvariantCulture);

        var text = WorkflowSentences.BeiratVoteStarted(TestCatalog.Sample.Phrase(TestCatalog.Integrationsrat), deadline);

        Assert.Equal("Abstimmung im Integrationsrat bis 4. März 2026, 00:30 Uhr begonnen.", text);
    }

    [Fact]
    public void BeiratVoteRunning_FeminineBeirat_InDer() =>
        Assert.Equal("Abstimmung in der Seniorenvertretung läuft", WorkflowSentences.BeiratVoteRunning(OrganizationName.Of("Seniorenvertretung")));

    [Fact]
    public void BeiratResult_Recommends_WholeSentenceWithVotes() =>
        Assert.Equal("Der Integrationsrat empfiehlt den Antrag (Ja 5, Nein 1, Enthaltung 0).",
            WorkflowSentences.BeiratResult(TestCatalog.Sample.Phrase(TestCatalog.Integrationsrat), BeiratOutcome.Recommends, new VoteCount(5, 1, 0)));

    [Fact]
    public void Describe_CouncilDecided_GenitiveOfTheCouncil() =>
        Assert.Equal("Beschluss des Rats der Stadt Göttingen: ungeändert beschlossen.",
            ConsultationText.Describe(new MotionDecided(2, TestCatalog.Council, ConsultationOutcome.Approved, MeetingDay, "Text"), TestCatalog.Sample));

    [Fact]
    public void MotionDecided_FeminineCouncil_DerNotDes() =>
        Assert.Equal("Beschluss der Ratsversammlung: abgelehnt.", WorkflowSentences.MotionDecided(OrganizationName.Of("Ratsversammlung"), ConsultationOutcome.Rejected));

    [Fact]
    public void Describe_Referral_InsertedBodyWithArticleAndReferrerWithVom() =>
        Assert.Equal("Der Ausschuss für Finanzen wurde in die Beratungsfolge aufgenommen (verwiesen vom Verwaltungsausschuss).",
            ConsultationText.Describe(new ConsultationInserted(1, TestCatalog.Finance, IsCouncil: false, TestCatalog.Administrative), TestCatalog.Sample));

    [Fact]
    public void Describe_Amended_AccusativeAfterDurch() =>
        Assert.Equal("Beschlussvorschlag geändert durch den Verwaltungsausschuss (Fassung 2).",
            ConsultationText.Describe(new ResolutionTextAmended(0, TestCatalog.Administrative, 2, "Neu", MeetingDay), TestCatalog.Sample));

    [Fact]
    public void Overdue_Committee_GenitiveAndDate() =>
        Assert.Equal("Überfällig: Das Ergebnis des Ausschusses für Finanzen vom 03.03.2026 fehlt.",
            WorkflowSentences.Overdue(TestCatalog.Sample.Phrase(TestCatalog.Finance), MeetingDay));

    [Fact]
    public void Project_NoMeetingDate_WaitsForTheCommitteesDate()
    {
        var state = ConsultationState.Start([TestCatalog.Administrative], TestCatalog.Council, "Text");

        var motion = ConsultationText.Project(Motion(), state, TestCatalog.Sample, "Europe/Berlin");

        Assert.Equal("Wartet auf einen Sitzungstermin des Verwaltungsausschusses", motion.Status);
    }

    [Fact]
    public void Project_MeetingScheduled_ImAndDueByTheEndOfTheMeetingDayWithoutMidnight()
    {
        var state = ConsultationState.Start([TestCatalog.Administrative], TestCatalog.Council, "Text")
            .Apply(new ConsultationScheduled(0, TestCatalog.Administrative, MeetingDay, null));

        var motion = ConsultationText.Project(Motion(), state, TestCatalog.Sample, "Europe/Berlin");

        Assert.Equal("Beratung im Verwaltungsausschuss am 03.03.2026", motion.Status);
        // "Fällig" on the pages: the result is due by the end of the meeting day, not "4. März 2026, 00:00 Uhr".
        Assert.Equal("3. März 2026", GermanDates.Deadline(motion.DueAt!.Value));
    }

    private static MotionRecord Motion() => new()
    {
        MotionId = "m1",
        FactionId = TestCatalog.Faction,
        SubmitterName = "Ada Muster",
        SubmitterEmail = "ada@example.org",
        Title = "Mehr Radwege",
        ResolutionText = "Text",
        Justification = "Weil.",
        CreatedAt = DateTimeOffset.Parse("2026-02-01T10:00:00Z", CultureInfo.InvariantCulture),
    };
}
