using Ratsworkflow.Functions.Attachments;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Tests.OParl;

/// <summary>
/// Motions in every state the public can see, plus two it must never see (unconfirmed; failed before confirmation).
/// Every submitter is the same private person, whose name and address must appear in no public output. Each scheduled
/// consultation is on the agenda of a stored meeting (<see cref="MeetingsByDay"/>), as the workflow leaves it.
/// </summary>
public sealed class SampleMotions
{
    public const string SubmitterName = "Erika Privatperson";
    public const string SubmitterEmail = "erika.privatperson@example.org";
    public const string SecretTitle = "Geheimer Entwurf Stadtbad";
    public const string SecretTitle2 = "Verworfener Entwurf Hallenbad";
    public const int Fillers = 14;

    /// <summary>The meeting that postponed <see cref="Scheduled"/> in the social committee before its next date.</summary>
    public static readonly DateOnly PostponedAt = new(2026, 11, 3);

    public List<MotionRecord> Public { get; } = [];
    public List<MotionRecord> Hidden { get; } = [];

    public MotionRecord BeiratPending => Public[Fillers];
    public MotionRecord Scheduled => Public[Fillers + 1];
    public MotionRecord Recommended => Public[Fillers + 2];
    public MotionRecord Decided => Public[Fillers + 3];
    public MotionRecord Withdrawn => Public[Fillers + 4];
    public MotionRecord Referred => Public[Fillers + 5];
    public MotionRecord Failed => Public[Fillers + 6];

    /// <summary>Meetings the samples schedule (organization, date), each once.</summary>
    public static readonly (string Organization, DateOnly Date)[] Meetings =
    [
        ("ausschuss-soziales", new(2026, 9, 1)), ("rat", new(2026, 9, 20)), ("ausschuss-finanzen", new(2026, 10, 1)),
        ("ausschuss-soziales", new(2026, 10, 5)), ("rat", new(2026, 10, 20)), ("ausschuss-soziales", new(2026, 11, 10)),
        ("ausschuss-soziales", new(2026, 12, 1)), ("verwaltungsausschuss", new(2026, 12, 1)), ("rat", new(2026, 12, 10)),
    ];

    /// <summary>A meeting the Ratsbüro cancelled on <see cref="CancelledAt"/>; nothing was on its agenda.</summary>
    public static readonly (string Organization, DateOnly Date) Cancelled = ("verwaltungsausschuss", new(2026, 11, 26));

    public static readonly DateTimeOffset CancelledAt = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Meetings after this day are not held yet; the ones before are, with their results recorded.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>Every stored meeting by organization and day, <see cref="Cancelled"/> included.</summary>
    public Dictionary<(string Organization, DateOnly Date), Meeting> MeetingsByDay { get; } = [];

    private static readonly string[] Factions = ["spd", "cdu", "gruene", "fdp", "linke", "volt-partei"];
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The Anlage of <see cref="Decided"/> and of the first hidden motion.</summary>
    public static readonly byte[] AttachmentContent = "%PDF-1.7\nKostenplan Willkommenslotsen\n%%EOF"u8.ToArray();

    /// <param name="tables">The app's storage: the meetings are written with their own clock, so their created and modified times lie where the meetings do.</param>
    public static async Task<SampleMotions> StoreAsync(MotionStore store, AttachmentStore attachments, TableServiceClient tables)
    {
        var samples = new SampleMotions();
        var n = 0;
        MotionRecord Next(string title, MotionStage stage, string faction, params Consultation[] consultations)
        {
            n++;
            var registered = Start.AddDays(3 * n);
            return new MotionRecord
            {
                MotionId = Guid.NewGuid().ToString("N"),
                Reference = $"A/2026/{n:D4}",
                FactionId = faction,
                SubmitterName = SubmitterName,
                SubmitterEmail = SubmitterEmail,
                Title = title,
                ResolutionText = $"Die Verwaltung wird beauftragt, {title} umzusetzen.",
                Justification = "Das ist nötig.\n\nUnd zwar bald.",
                FinancialImpact = n % 2 == 0 ? "Rund 10.000 Euro im Jahr." : null,
                RequestedConsultations = consultations.Where(c => !c.IsCouncil).Select(c => c.OrganizationId).Distinct().ToList(),
                CreatedAt = registered.AddHours(-2),
                RegisteredAt = registered,
                UpdatedAt = registered.AddHours(n),
                Stage = stage,
                Status = "Stand " + stage,
                WaitingFor = "Ratsbüro",
                Consultations = consultations.Length > 0 ? consultations : [new("ausschuss-soziales", false), new("rat", true)],
                ResolutionTexts = [new(1, $"Die Verwaltung wird beauftragt, {title} umzusetzen.")],
            };
        }

        for (var i = 1; i <= Fillers; i++)
        {
            samples.Public.Add(Next($"Sammelantrag {i}: Radwege sanieren", MotionStage.Registered, Factions[i % Factions.Length]));
        }
        samples.Public.Add(Next("Mehrsprachige Beratung im Bürgerbüro", MotionStage.BeiratReview, "gruene") with
        {
            BeiratReview = true,
            Beirat = new BeiratSummary("integrationsrat", 1, new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero), new VoteCount(2, 1, 0), 7, BeiratOutcome.Pending),
        });
        samples.Public.Add(Next("Integrationskonzept fortschreiben", MotionStage.Consultation, "spd",
            new("ausschuss-soziales", false, new DateOnly(2026, 12, 1)) { Postponed = [new(PostponedAt, new VoteCount(6, 5, 0))] },
            new("verwaltungsausschuss", false), new("rat", true)) with
        {
            BeiratReview = true,
            Beirat = new BeiratSummary("integrationsrat", 1, new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.Zero), new VoteCount(5, 1, 1), 7, BeiratOutcome.Recommends),
        });
        samples.Public.Add(Next("Sprachkurse für Eltern", MotionStage.Consultation, "linke",
            new("ausschuss-soziales", false, new DateOnly(2026, 11, 10), ConsultationOutcome.Approved, new VoteCount(9, 3, 1)),
            new("verwaltungsausschuss", false, new DateOnly(2026, 12, 1)), new("rat", true)));
        var decided = Next("Haushaltsmittel für Willkommenslotsen", MotionStage.Decided, "cdu",
            new("ausschuss-finanzen", false, new DateOnly(2026, 10, 1), ConsultationOutcome.Amended, new VoteCount(7, 2, 0)),
            new("rat", true, new DateOnly(2026, 10, 20), ConsultationOutcome.Approved, new VoteCount(30, 10, 2)));
        samples.Public.Add(decided with
        {
            ResolutionTexts = [.. decided.ResolutionTexts, new(2, "Die Verwaltung wird beauftragt, zwei Willkommenslotsen einzustellen.", "ausschuss-finanzen", new DateOnly(2026, 10, 1))],
            Decision = ConsultationOutcome.Approved,
            DecidedAt = new DateTimeOffset(2026, 10, 20, 19, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
        });
        samples.Public.Add(Next("Nachtbusse am Wochenende", MotionStage.Withdrawn, "fdp",
            new("ausschuss-soziales", false, new DateOnly(2026, 12, 1)), new("rat", true)) with
        {
            WithdrawnAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
        });
        samples.Public.Add(Next("Quartiersmanagement Grone", MotionStage.Consultation, "volt-partei",
            new("ausschuss-soziales", false, new DateOnly(2026, 9, 1), ConsultationOutcome.Approved),
            new("rat", true, new DateOnly(2026, 9, 20), ConsultationOutcome.Referred),
            new("ausschuss-soziales", false, new DateOnly(2026, 12, 1)),
            new("rat", true)));
        samples.Public.Add(Next("Spielplatz Weende erneuern", MotionStage.Failed, "gruene",
            new("ausschuss-soziales", false, new DateOnly(2026, 10, 5), ConsultationOutcome.Approved),
            new("rat", true, new DateOnly(2026, 12, 10))) with { StageBeforeFailure = MotionStage.Council, FailureReason = "SMTP nicht erreichbar" });

        samples.Hidden.Add(Next(SecretTitle, MotionStage.AwaitingConfirmation, "spd") with { Reference = null, RegisteredAt = null });
        samples.Hidden.Add(Next(SecretTitle2, MotionStage.Failed, "cdu") with { Reference = null, RegisteredAt = null, StageBeforeFailure = MotionStage.AwaitingConfirmation });

        samples.Public[Fillers + 3] = await WithAttachmentAsync(samples.Decided, attachments);
        samples.Hidden[0] = await WithAttachmentAsync(samples.Hidden[0], attachments);
        await samples.PlanMeetingsAsync(tables);
        foreach (var motion in samples.Public.Concat(samples.Hidden))
        {
            await store.CreateAsync(motion, new TimelineEntry(motion.CreatedAt, "submitted", "Antrag eingereicht.", SubmitterName));
        }
        return samples;
    }

    private static async Task<MotionRecord> WithAttachmentAsync(MotionRecord motion, AttachmentStore attachments) =>
        motion with { Attachments = await attachments.StoreAsync(motion.MotionId, [new AttachmentUpload("Kostenplan.pdf", AttachmentContent)], default) };

    /// <summary>
    /// Creates each meeting three weeks ahead at 17:00 in the Ratssaal, puts the motions scheduled for it on its agenda
    /// (the referred motion's second round in the non-public part; the withdrawn one left, as withdrawal does) and marks
    /// the past ones held with their results; then cancels <see cref="Cancelled"/>.
    /// </summary>
    private async Task PlanMeetingsAsync(TableServiceClient tables)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new MeetingStore(tables, clock);
        async Task<Meeting> CreateAsync(string organization, DateOnly date)
        {
            AdvanceTo(clock, new DateTimeOffset(date.AddDays(-21).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
            var (_, meeting) = await store.CreateAsync(new Meeting(Meeting.NewId(organization), organization, date, new TimeOnly(17, 0), "Neues Rathaus, Ratssaal",
                MeetingState.Planned, default, default));
            return MeetingsByDay[(organization, date)] = meeting!;
        }

        foreach (var (organization, date) in Meetings)
        {
            var meeting = await CreateAsync(organization, date);
            var entries = new List<AgendaEntry>();
            for (var m = 0; m < Public.Count; m++)
            {
                var motion = Public[m];
                var steps = motion.Consultations.ToArray();
                for (var c = 0; c < steps.Length; c++)
                {
                    if (steps[c].OrganizationId != organization || steps[c].MeetingDate != date || motion.Stage == MotionStage.Withdrawn)
                    {
                        continue;
                    }
                    var occurrence = steps.Take(c + 1).Count(s => s.OrganizationId == organization);
                    var text = motion.ResolutionTexts.Last(v => v.MeetingDate is null || v.MeetingDate <= date).Text;
                    entries.Add(new AgendaEntry(motion.MotionId, entries.Count + 1, Public: occurrence == 1, motion.Reference!, motion.Title, motion.FactionId,
                        occurrence, steps[c].IsCouncil, clock.GetUtcNow(), steps[c].Outcome, steps[c].Votes,
                        steps[c].Outcome is null ? null : text, steps[c].Outcome is null ? null : clock.GetUtcNow()));
                    steps[c] = steps[c] with { MeetingId = meeting.Id };
                    Public[m] = motion = motion with { Consultations = steps };
                }
            }
            var held = date < Today;
            if (held)
            {
                AdvanceTo(clock, new DateTimeOffset(date.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            }
            MeetingsByDay[(organization, date)] = (await store.CommitAsync(meeting, held ? meeting with { State = MeetingState.Held } : meeting, upsert: entries)).Meeting!;
        }
        var cancelled = await CreateAsync(Cancelled.Organization, Cancelled.Date);
        AdvanceTo(clock, CancelledAt);
        MeetingsByDay[Cancelled] = (await store.CommitAsync(cancelled, cancelled with { State = MeetingState.Cancelled })).Meeting!;
    }

    /// <summary>The meetings are planned in date order, but one is created before the one before it is held.</summary>
    private static void AdvanceTo(FakeTimeProvider clock, DateTimeOffset at)
    {
        if (at > clock.GetUtcNow())
        {
            clock.SetUtcNow(at);
        }
    }
}
