using System.ComponentModel.DataAnnotations;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Pages.Ratsbuero;

/// <summary>
/// The vote counts of a result form, the same on the motion page and per TOP in a meeting's results form, so both send
/// votes the same way: none when no count was entered, otherwise missing counts as 0. The range is the domain's own
/// (<see cref="VoteCount.Problem"/>), checked here early to mark the field.
/// </summary>
public abstract class VoteFields
{
    [Display(Name = "Ja-Stimmen")]
    [Range(0, VoteCount.MaxPerChoice)]
    public int? Yes { get; set; }

    [Display(Name = "Nein-Stimmen")]
    [Range(0, VoteCount.MaxPerChoice)]
    public int? No { get; set; }

    [Display(Name = "Enthaltungen")]
    [Range(0, VoteCount.MaxPerChoice)]
    public int? Abstain { get; set; }

    protected VoteCount? Votes => Yes is null && No is null && Abstain is null ? null : new VoteCount(Yes ?? 0, No ?? 0, Abstain ?? 0);

    /// <summary>The amended text goes along only with "amended"; the box may still hold the current text.</summary>
    protected static string? AmendedText(ConsultationOutcome? outcome, string? text) => outcome == ConsultationOutcome.Amended ? text : null;
}
