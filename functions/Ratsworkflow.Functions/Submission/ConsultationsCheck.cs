using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Submission;

/// <summary>The requested Beratungsfolge: committees only, each once; the council and the Beirat have their own ways in.</summary>
internal static class ConsultationsCheck
{
    private const string Field = "consultations";

    public static void Check(FieldErrors errors, IReadOnlyList<string?> consultations, OrganizationCatalog organizations)
    {
        if (consultations.Count > MotionSubmissionValidator.MaxConsultations)
        {
            errors.Add(Field, $"Die Beratungsfolge darf höchstens {MotionSubmissionValidator.MaxConsultations} Gremien enthalten.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in consultations)
        {
            if (string.IsNullOrEmpty(id))
            {
                errors.Add(Field, "Bitte wählen Sie für jede Beratung ein Gremium aus.");
                continue;
            }
            var message = Problem(organizations.Find(id), id);
            if (message is not null)
            {
                errors.Add(Field, message);
            }
            else if (!seen.Add(id))
            {
                errors.Add(Field, $"„{organizations.NameOf(id)}“ ist mehrfach angegeben; jedes Gremium berät den Antrag nur einmal.");
            }
        }
    }

    private static string? Problem(Organization? organization, string id) => organization switch
    {
        null => $"{InputText.Quote(id)} ist kein bekanntes Gremium.",
        { Kind: OrganizationKind.Committee } => null,
        { Kind: OrganizationKind.Council } =>
            $"{OrganizationName.Capitalized(organization.Phrase.Nominative)} entscheidet immer zuletzt " +
            "und wird nicht in der Beratungsfolge angegeben.",
        { Kind: OrganizationKind.AdvisoryBoard } =>
            $"{OrganizationName.Capitalized(organization.Phrase.Nominative)} wird über „Beirat beteiligen“ einbezogen, " +
            "nicht über die Beratungsfolge.",
        _ => $"„{organization.Name}“ ist kein Ausschuss; in der Beratungsfolge stehen nur Ausschüsse.",
    };
}
