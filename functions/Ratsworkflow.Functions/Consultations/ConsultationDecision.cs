using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Consultations;

public enum ConsultationErrorKind
{
    /// <summary>The request itself is wrong or incomplete.</summary>
    InvalidInput,

    /// <summary>The request is fine but not now: wrong body, wrong stage, meeting not held yet.</summary>
    Conflict,
}

/// <param name="Detail">German, for the problem's <c>detail</c>.</param>
/// <param name="Errors">Per JSON field, for the problem's <c>errors</c>; empty for a conflict.</param>
public sealed record ConsultationError(ConsultationErrorKind Kind, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>How the command service and the workflow's step answer it.</summary>
    public OutcomeKind Outcome => Kind == ConsultationErrorKind.Conflict ? OutcomeKind.Conflict : OutcomeKind.Invalid;
}

/// <summary>The answer to a command: the events to record, or why it was refused. No events and no error: nothing to do.</summary>
public sealed record ConsultationDecision(IReadOnlyList<ConsultationEvent> Events, ConsultationError? Error = null)
{
    public bool IsAccepted => Error is null;

    public static ConsultationDecision Accept(params ConsultationEvent[] events) => new(events);

    public static ConsultationDecision Conflict(string detail) =>
        new([], new ConsultationError(ConsultationErrorKind.Conflict, detail, new Dictionary<string, string[]>()));

    public static ConsultationDecision Invalid(FieldErrors errors)
    {
        var byField = errors.ToDictionary();
        var messages = byField.Values.SelectMany(m => m).ToList();
        var detail = messages.Count == 1 ? messages[0] : "Bitte prüfen Sie die markierten Angaben.";
        return new([], new ConsultationError(ConsultationErrorKind.InvalidInput, detail, byField));
    }
}
