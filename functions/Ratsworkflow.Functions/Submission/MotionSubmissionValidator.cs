using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Submission;

/// <summary>
/// Decides whether a submission may be accepted, with a German message per field the person can act on.
/// Validates <see cref="MotionSubmission.Normalized"/>, so store that form of an accepted submission.
/// </summary>
public static class MotionSubmissionValidator
{
    public const int MaxTitleLength = 250;
    public const int MaxNameLength = 200;

    /// <summary>More than any real Beratungsfolge; stops a request from making us write thousands of messages.</summary>
    public const int MaxConsultations = 20;

    private static readonly TextRule Name = new("Der Name", MaxNameLength, Multiline: false, "Bitte geben Sie Ihren Namen ein.");
    private static readonly TextRule Title = new("Der Titel", MaxTitleLength, Multiline: false, "Bitte geben Sie einen Titel ein.");
    private static readonly TextRule ResolutionText = new(
        "Der Beschlussvorschlag", InputText.MaxLongText, Multiline: true, "Bitte geben Sie den Beschlussvorschlag ein.");
    private static readonly TextRule Justification = new(
        "Die Begründung", InputText.MaxLongText, Multiline: true, "Bitte geben Sie eine Begründung ein.");
    private static readonly TextRule FinancialImpact = new(
        "Die Angabe zu den finanziellen Auswirkungen", InputText.MaxLongText, Multiline: true, MissingMessage: null);

    /// <returns>Field (JSON camelCase name) → messages; empty when the submission is valid.</returns>
    public static IReadOnlyDictionary<string, string[]> Validate(MotionSubmission submission, OrganizationCatalog organizations) =>
        Validate(submission, organizations, [], new AttachmentOptions());

    /// <returns>Field (JSON camelCase name) → messages, the Anlagen under <c>attachments</c>; empty when all is valid.</returns>
    public static IReadOnlyDictionary<string, string[]> Validate(MotionSubmission submission, OrganizationCatalog organizations,
        IReadOnlyList<AttachmentUpload> attachments, AttachmentOptions attachmentOptions)
    {
        var s = submission.Normalized();
        var errors = new FieldErrors();
        CheckFaction(errors, s.FactionId, organizations);
        InputText.Check(errors, "submitterName", s.SubmitterName, Name);
        CheckEmail(errors, s.SubmitterEmail);
        InputText.Check(errors, "title", s.Title, Title);
        InputText.Check(errors, "resolutionText", s.ResolutionText, ResolutionText);
        InputText.Check(errors, "justification", s.Justification, Justification);
        InputText.Check(errors, "financialImpact", s.FinancialImpact, FinancialImpact);
        CheckBeiratReview(errors, s.BeiratReview, organizations);
        ConsultationsCheck.Check(errors, s.Consultations ?? [], organizations);
        AttachmentRules.Validate(attachments, attachmentOptions, errors);
        return errors.ToDictionary();
    }

    private static void CheckFaction(FieldErrors errors, string? factionId, OrganizationCatalog organizations)
    {
        const string field = "factionId";
        if (string.IsNullOrEmpty(factionId))
        {
            errors.Add(field, "Bitte wählen Sie Ihre Fraktion oder Gruppe aus.");
            return;
        }
        var organization = organizations.Find(factionId);
        if (organization is null)
        {
            errors.Add(field, $"{InputText.Quote(factionId)} ist keine registrierte Fraktion oder Gruppe. Bitte wählen Sie eine aus der Liste.");
        }
        else if (organization.Kind != OrganizationKind.Faction)
        {
            errors.Add(field, $"„{organization.Name}“ ist keine Fraktion oder Gruppe; nur Fraktionen und Gruppen können Anträge stellen.");
        }
    }

    private static void CheckEmail(FieldErrors errors, string? email)
    {
        const string field = "submitterEmail";
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(field, "Bitte geben Sie Ihre E-Mail-Adresse ein.");
        }
        else if (!EmailAddress.IsValid(email))
        {
            errors.Add(field, "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org.");
        }
    }

    private static void CheckBeiratReview(FieldErrors errors, bool requested, OrganizationCatalog organizations)
    {
        if (requested && organizations.AdvisoryBoard is not { VotingMemberCount: > 0 })
        {
            errors.Add("beiratReview",
                "Eine Beteiligung des Beirats ist nicht möglich, weil kein Beirat mit stimmberechtigten Mitgliedern eingerichtet ist.");
        }
    }
}
