using System.Text;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Clerks;

/// <summary>
/// The dashboard's filters, shared by the list page and its CSV export. The query keys are the JSON API's
/// (<c>stage</c>, <c>factionId</c>, <c>organizationId</c>, <c>overdue</c>, <c>q</c>, <c>sort</c>, <c>continuation</c>),
/// so a filtered page's address and the API call for the same list look alike.
/// </summary>
public sealed record MotionFilter(MotionStage? Stage = null, string? FactionId = null, bool Overdue = false, string? Q = null,
    string? OrganizationId = null, MotionSort Sort = MotionSort.Newest)
{
    /// <summary>No filter (the order is not one).</summary>
    public bool IsEmpty => Stage is null && string.IsNullOrWhiteSpace(FactionId) && !Overdue && string.IsNullOrWhiteSpace(Q)
        && string.IsNullOrWhiteSpace(OrganizationId);

    public MotionQuery ToQuery(string? continuation, int pageSize) =>
        new(Stage, NullIfBlank(FactionId), Overdue ? true : null, NullIfBlank(Q), NullIfBlank(continuation), pageSize, Sort,
            NullIfBlank(OrganizationId));

    /// <summary>"?stage=Council&amp;q=Radweg" (empty when no filter is set), optionally with a continuation.</summary>
    public string ToQueryString(string? continuation = null)
    {
        var parts = new List<(string Key, string Value)>();
        if (Stage is { } stage)
        {
            parts.Add(("stage", stage.ToString()));
        }
        if (NullIfBlank(FactionId) is { } faction)
        {
            parts.Add(("factionId", faction));
        }
        if (NullIfBlank(OrganizationId) is { } organization)
        {
            parts.Add(("organizationId", organization));
        }
        if (Overdue)
        {
            parts.Add(("overdue", "true"));
        }
        if (NullIfBlank(Q) is { } q)
        {
            parts.Add(("q", q));
        }
        if (Sort != MotionSort.Newest)
        {
            parts.Add(("sort", Sort.ToString()));
        }
        if (NullIfBlank(continuation) is { } next)
        {
            parts.Add(("continuation", next));
        }
        var text = new StringBuilder();
        foreach (var (key, value) in parts)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
        return text.ToString();
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
