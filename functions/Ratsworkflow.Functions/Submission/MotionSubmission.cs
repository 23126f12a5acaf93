using Ratsworkflow.Functions.Input;

namespace Ratsworkflow.Functions.Submission;

/// <summary>
/// What a faction sends from the form or to <c>POST /api/motions</c>. Every field may be missing in a request, so the
/// validator, not the JSON binder, tells the person what to fix.
/// </summary>
/// <param name="Consultations">The requested Beratungsfolge: committee ids in order; the council is always added last.</param>
public sealed record MotionSubmission(
    string? FactionId,
    string? SubmitterName,
    string? SubmitterEmail,
    string? Title,
    string? ResolutionText,
    string? Justification,
    string? FinancialImpact = null,
    bool BeiratReview = false,
    IReadOnlyList<string?>? Consultations = null)
{
    /// <summary>The form as it is validated and stored: trimmed, LF line breaks, no blank optional text.</summary>
    public MotionSubmission Normalized() => this with
    {
        FactionId = InputText.Normalize(FactionId, multiline: false),
        SubmitterName = InputText.Normalize(SubmitterName, multiline: false),
        SubmitterEmail = InputText.Normalize(SubmitterEmail, multiline: false),
        Title = InputText.Normalize(Title, multiline: false),
        ResolutionText = InputText.Normalize(ResolutionText, multiline: true),
        Justification = InputText.Normalize(Justification, multiline: true),
        FinancialImpact = string.IsNullOrWhiteSpace(FinancialImpact) ? null : InputText.Normalize(FinancialImpact, multiline: true),
        Consultations = (Consultations ?? []).Select(id => InputText.Normalize(id, multiline: false)).ToList(),
    };
}
