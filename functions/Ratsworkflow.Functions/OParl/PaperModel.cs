using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.OParl;

/// <summary>
/// One consultation of a motion: the Beirat's recommendation (by e-mail vote, no meeting) or an entry of the
/// Beratungsfolge. <see cref="Occurrence"/> counts the organization's consultations of this motion (a referral can
/// bring a motion back to a committee), so the id stays the same when an entry is inserted before it.
/// </summary>
public sealed record ConsultationEntry(PublicMotion Motion, string OrganizationId, int Occurrence, bool IsBeirat, Consultation? Step)
{
    /// <summary>The meeting whose agenda has it, or had it when its result was recorded.</summary>
    public string? MeetingId => Step?.MeetingId;
}

/// <summary>
/// Papers, files and consultations, all derived from the public motions; a consultation links the meeting and TOP it
/// is on (<see cref="MeetingModel"/> has the meetings themselves).
/// </summary>
public sealed class PaperModel(OParlUrls urls, OrganizationCatalog catalog)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Body.TimeZone);

    public static IReadOnlyList<ConsultationEntry> Entries(PublicMotion motion)
    {
        var entries = new List<ConsultationEntry>();
        if (motion.Beirat is { } beirat)
        {
            entries.Add(new ConsultationEntry(motion, beirat.OrganizationId, beirat.Round, IsBeirat: true, Step: null));
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in motion.Consultations)
        {
            seen[step.OrganizationId] = seen.GetValueOrDefault(step.OrganizationId) + 1;
            entries.Add(new ConsultationEntry(motion, step.OrganizationId, seen[step.OrganizationId], IsBeirat: false, step));
        }
        return entries;
    }

    public OParlPaper Paper(PublicMotion motion) => new()
    {
        Id = urls.Paper(motion.MotionId),
        Body = urls.Body,
        Name = motion.Title,
        Reference = motion.Reference,
        Date = LocalDate(motion.RegisteredAt),
        MainFile = File(motion),
        AuxiliaryFile = motion.Attachments is { Count: > 0 } ? Attachments(motion).ToList() : null,
        OriginatorOrganization = [urls.Organization(motion.FactionId)],
        Consultation = Entries(motion).Select(Consultation).ToList(),
        Keyword = PaperKeywords(motion),
        Web = urls.Web(motion.MotionId),
        Created = Local(motion.RegisteredAt),
        Modified = Local(motion.UpdatedAt),
    };

    /// <summary>The motion as one HTML document (texts, Beratungsfolge, results), generated when it is read.</summary>
    public OParlFile File(PublicMotion motion) => new()
    {
        Id = urls.File(motion.MotionId),
        Name = $"Antrag {motion.Reference}: {motion.Title}",
        FileName = "Antrag-" + motion.Reference.Replace('/', '-') + ".html",
        Date = LocalDate(motion.RegisteredAt),
        AccessUrl = urls.FileAccess(motion.MotionId),
        DownloadUrl = urls.FileDownload(motion.MotionId),
        Paper = [urls.Paper(motion.MotionId)],
        Created = Local(motion.RegisteredAt),
        Modified = Local(motion.UpdatedAt),
    };

    /// <summary>The motion's Anlagen as the faction submitted them (PDF), each with its public download.</summary>
    public IEnumerable<OParlFile> Attachments(PublicMotion motion) => (motion.Attachments ?? []).Select(a => new OParlFile
    {
        Id = urls.Attachment(motion.MotionId, a.Id),
        Name = $"Anlage {a.Id} zum Antrag {motion.Reference}: {a.FileName}",
        FileName = a.FileName,
        MimeType = "application/pdf",
        Size = a.Length,
        Date = LocalDate(motion.RegisteredAt),
        AccessUrl = urls.AttachmentDownload(motion.MotionId, a.Id),
        DownloadUrl = urls.AttachmentDownload(motion.MotionId, a.Id),
        Paper = [urls.Paper(motion.MotionId)],
        Created = Local(motion.RegisteredAt),
        Modified = Local(motion.RegisteredAt),
    });

    public OParlConsultation Consultation(ConsultationEntry entry) => new()
    {
        Id = urls.Consultation(entry.Motion.MotionId, entry.OrganizationId, entry.Occurrence),
        Paper = urls.Paper(entry.Motion.MotionId),
        Meeting = entry.MeetingId is { } meeting ? urls.Meeting(meeting) : null,
        AgendaItem = entry.MeetingId is { } onAgenda ? urls.AgendaItem(onAgenda, entry.Motion.MotionId) : null,
        Organization = [urls.Organization(entry.OrganizationId)],
        Authoritative = entry.Step?.IsCouncil ?? false,
        Role = entry.IsBeirat ? "Anhörung" : entry.Step!.IsCouncil ? "Entscheidung" : "Vorberatung",
        Keyword = Result(entry) is { } result ? [result] : null,
        Created = Local(entry.Motion.RegisteredAt),
        Modified = Local(entry.Motion.UpdatedAt),
    };

    /// <summary>What came of a consultation, in German; null while open.</summary>
    public static string? Result(ConsultationEntry entry)
    {
        if (entry.IsBeirat)
        {
            return entry.Motion.Beirat!.Outcome switch
            {
                BeiratOutcome.Recommends => "Zustimmung empfohlen",
                BeiratOutcome.Rejects => "Ablehnung empfohlen",
                BeiratOutcome.None => "keine Empfehlung (nicht beschlussfähig)",
                _ => entry.Motion.Stage == MotionStage.Withdrawn ? "zurückgezogen" : null,
            };
        }
        return entry.Step!.Outcome is { } outcome
            ? ConsultationOutcomes.DisplayName(outcome, entry.Step.IsCouncil)
            : entry.Motion.Stage == MotionStage.Withdrawn ? "zurückgezogen" : null;
    }

    public static IReadOnlyList<string> PaperKeywords(PublicMotion motion)
    {
        var keywords = new List<string> { MotionStages.Label(motion.Stage).ToLowerInvariant() };
        if (motion.Decision is { } decision)
        {
            keywords.Add(ConsultationOutcomes.DisplayName(decision, byCouncil: true));
        }
        return keywords;
    }

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);
}
