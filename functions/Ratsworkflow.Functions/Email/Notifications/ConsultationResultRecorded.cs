using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Beirat;
using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>
/// A clerk recorded a consultation's result (a committee's recommendation, or a council result that does not end the
/// process: vertagt, zurückverwiesen). The council's final decision is <see cref="MotionDecided"/>.
/// </summary>
public sealed record ConsultationResultRecorded : RecordedResultNotification
{
    public required string OrganizationName { get; init; }

    /// <summary>The council decides; every other body recommends (changes the wording).</summary>
    public bool IsCouncil { get; init; }

    /// <summary>The body it was referred to when <see cref="ConsultationOutcome.Referred"/>.</summary>
    public string? ReferredTo { get; init; }

    /// <summary>Who consults next, if known; defaults to <see cref="ReferredTo"/>.</summary>
    public string? NextBody { get; init; }

    internal override MailContent Compose() => new(
        "Ergebnis der Beratung",
        [
            $"{Quoted(OrganizationName)} hat den Antrag {Quoted(Motion.Title)} in der Sitzung am {FormatDate(MeetingDate)} beraten.",
            $"Der Antrag wurde {OutcomePhrase(Outcome, IsCouncil, ReferredTo)}.",
        ],
        [.. WhatNext()])
    {
        // Only an amended result changed the text; saying "Geänderter Beschlussvorschlag" for any other left the faction guessing.
        Facts = ResultFacts(OrganizationName, OutcomePhrase(Outcome, IsCouncil, ReferredTo),
            Outcome == ConsultationOutcome.Amended ? "Geänderter Beschlussvorschlag" : null),
    };

    private IEnumerable<string> WhatNext()
    {
        var next = NextBody ?? ReferredTo;
        yield return Outcome == ConsultationOutcome.Postponed
            ? "Der Antrag wird erneut auf eine Tagesordnung gesetzt; den neuen Termin erhalten Sie per E-Mail."
            : next is null
                ? "Das Ratsbüro plant die weitere Beratung."
                : $"Als Nächstes berät {Quoted(next)} über den Antrag.";
        if (!IsCouncil)
        {
            yield return "Das Ergebnis ist eine Empfehlung; verbindlich entscheidet erst der Rat.";
        }
    }
}
