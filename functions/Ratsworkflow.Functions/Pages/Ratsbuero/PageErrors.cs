using Microsoft.AspNetCore.Mvc.ModelBinding;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Pages.Ratsbuero;

/// <summary>A refused request on a clerk's page: each German message at its field, or on top when it has none.</summary>
public static class PageErrors
{
    /// <param name="fieldKey">Maps the API's field name to the form's; null puts the message on top.</param>
    public static void Show<T>(ModelStateDictionary state, Outcome<T> outcome, Func<string, string?> fieldKey)
    {
        foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                state.AddModelError(fieldKey(field) ?? "", message);
            }
        }
        if (outcome.Errors is not { Count: > 0 })
        {
            state.AddModelError("", outcome.Detail ?? "Die Anfrage wurde abgelehnt.");
        }
    }
}
