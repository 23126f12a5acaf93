using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Tests.OParl;

/// <summary>
/// Motions in every state the public can see, plus two it must never see (unconfirmed; failed before confirmation).
/// Every submitter is the same private person, whose name and address must appear in no public output.
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

    private static readonly string[] Factions = ["spd", "cdu", "gruene", "fdp", "linke", "volt-partei"];
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The Anlage of <see cref="Decided"/> and of the first hidden motion.</summary>
    public static readonly byte[] AttachmentContent = "%PDF-1.7\nKostenplan Willkommenslotsen\n%%EOF"u8.ToArray();

    public static async Task<SampleMotions> StoreAsync(MotionStore store, AttachmentStore attachments)
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
        foreach (var motion in samples.Public.Concat(samples.Hidden))
        {
            await store.CreateAsync(motion, new TimelineEntry(motion.CreatedAt, "submitted", "Antrag eingereicht.", SubmitterName));
        }
        return samples;
    }

    private static async Task<MotionRecord> WithAttachmentAsync(MotionRecord motion, AttachmentStore attachments) =>
        motion with { Attachments = await attachments.StoreAsync(motion.MotionId, [new AttachmentUpload("Kostenplan.pdf", AttachmentContent)], default) };
}
