using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Consultations;

public static partial class ConsultationDecider
{
    private static readonly TextRule AmendedText = new(
        "Der geänderte Beschlussvorschlag", InputText.MaxLongText, Multiline: true, "Bitte geben Sie den geänderten Beschlussvorschlag ein.");

    private static ConsultationDecision RecordResult(RecordConsultationResult command, ConsultationState state,
        OrganizationCatalog organizations, DateOnly today)
    {
        var errors = new FieldErrors();
        CheckOrganization(errors, command.OrganizationId, organizations);
        if (command.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors.Add("outcome", "Bitte wählen Sie das Ergebnis der Beratung.");
        }
        if (command.Votes?.Problem() is { } problem)
        {
            errors.Add("votes", problem);
        }
        if (!errors.IsEmpty)
        {
            return ConsultationDecision.Invalid(errors);
        }
        var organizationId = command.OrganizationId!;
        if ((Turn(organizationId, state, organizations) ?? MeetingHeld(state, organizations, today)) is { } refusal)
        {
            return refusal;
        }
        var position = state.CurrentPosition!.Value;
        var current = state.Consultations[position];
        var amendedText = InputText.Normalize(command.ResolutionText, multiline: true);
        CheckResolutionText(errors, command.Outcome!.Value, amendedText, state);
        CheckReferral(errors, command.Outcome.Value, command.ReferTo, state, position, organizations);
        if (!errors.IsEmpty)
        {
            return ConsultationDecision.Invalid(errors);
        }
        return ConsultationDecision.Accept(
            [.. Consequences(command with { ResolutionText = amendedText }, state, position, current.MeetingDate!.Value)]);
    }

    /// <summary>A result needs a meeting that has taken place; on the meeting day itself it may be recorded.</summary>
    private static ConsultationDecision? MeetingHeld(ConsultationState state, OrganizationCatalog organizations, DateOnly today)
    {
        var current = state.Current!;
        var name = organizations.Phrase(current.OrganizationId);
        return current switch
        {
            { MeetingDate: null, Outcome: ConsultationOutcome.Postponed } => ConsultationDecision.Conflict(
                $"Die Beratung {name.In} wurde vertagt. Bitte tragen Sie zuerst den neuen Sitzungstermin ein."),
            { MeetingDate: null } => ConsultationDecision.Conflict(
                $"Für {name.Accusative} ist noch kein Sitzungstermin eingetragen. Bitte terminieren Sie die Beratung zuerst."),
            { MeetingDate: { } date } when date > today => ConsultationDecision.Conflict(
                $"Die Sitzung {name.Genitive} am {Format(date)} hat noch nicht stattgefunden. " +
                "Das Ergebnis kann ab dem Sitzungstag eingetragen werden."),
            _ => null,
        };
    }

    private static void CheckResolutionText(FieldErrors errors, ConsultationOutcome outcome, string? text, ConsultationState state)
    {
        const string field = "resolutionText";
        if (outcome != ConsultationOutcome.Amended)
        {
            if (!string.IsNullOrEmpty(text))
            {
                errors.Add(field, "Einen neuen Beschlussvorschlag können Sie nur beim Ergebnis „geändert“ angeben.");
            }
            return;
        }
        if (InputText.Check(errors, field, text, AmendedText) && text == state.ResolutionText)
        {
            errors.Add(field, "Der Beschlussvorschlag ist unverändert. Wählen Sie „ungeändert“, wenn nichts geändert wurde.");
        }
    }

    private static void CheckReferral(FieldErrors errors, ConsultationOutcome outcome, string? referTo, ConsultationState state, int position,
        OrganizationCatalog organizations)
    {
        const string field = "referTo";
        if (outcome != ConsultationOutcome.Referred)
        {
            if (!string.IsNullOrWhiteSpace(referTo))
            {
                errors.Add(field, "Einen Ausschuss, an den verwiesen wird, können Sie nur beim Ergebnis „verwiesen“ angeben.");
            }
            return;
        }
        var target = organizations.Find(referTo);
        var next = position + 1 < state.Consultations.Count ? state.Consultations[position + 1] : null;
        var problem = (string.IsNullOrWhiteSpace(referTo), target) switch
        {
            (true, _) => "Bitte wählen Sie den Ausschuss, an den verwiesen wird.",
            (_, null) => $"{InputText.Quote(referTo!)} ist kein bekanntes Gremium.",
            (_, { Kind: not OrganizationKind.Committee }) => $"„{target.Name}“ ist kein Ausschuss; verwiesen werden kann nur an einen Ausschuss.",
            _ when target.Id == state.Consultations[position].OrganizationId =>
                $"{OrganizationName.Capitalized(target.Phrase.Nominative)} kann nicht an sich selbst verweisen.",
            _ when next?.OrganizationId == target.Id =>
                $"{OrganizationName.Capitalized(target.Phrase.Nominative)} berät den Antrag ohnehin als Nächstes; " +
                "eine Verweisung ist nicht nötig.",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(field, problem);
        }
    }

    private static IEnumerable<ConsultationEvent> Consequences(RecordConsultationResult command, ConsultationState state, int position,
        DateOnly meetingDate)
    {
        var current = state.Consultations[position];
        var outcome = command.Outcome!.Value;
        var id = current.OrganizationId;
        yield return new ConsultationResultRecorded(position, id, outcome, meetingDate, command.Votes, current.IsCouncil);
        var text = state.ResolutionText;
        if (outcome == ConsultationOutcome.Amended)
        {
            text = command.ResolutionText!;
            yield return new ResolutionTextAmended(position, id, state.ResolutionTexts.Count + 1, text, meetingDate);
        }
        if (outcome == ConsultationOutcome.Referred)
        {
            yield return new ConsultationInserted(position + 1, command.ReferTo!, IsCouncil: false, ReferredBy: id);
            if (current.IsCouncil)
            {
                // Zurückverwiesen: the committee consults again, then the motion comes back to the council.
                yield return new ConsultationInserted(position + 2, id, IsCouncil: true, ReferredBy: id);
            }
        }
        if (current.IsCouncil && outcome is not (ConsultationOutcome.Postponed or ConsultationOutcome.Referred))
        {
            yield return new MotionDecided(position, id, outcome, meetingDate, text);
        }
    }
}
