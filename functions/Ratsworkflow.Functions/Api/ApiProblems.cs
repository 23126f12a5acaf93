using Microsoft.AspNetCore.Http.HttpResults;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Api;

/// <summary>Errors as application/problem+json with a German title and detail, and per-field errors where there are some.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var extensions = errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null;
        return TypedResults.Problem(detail: detail, statusCode: status, title: Title(status), extensions: extensions);
    }

    public static ProblemHttpResult From<T>(Outcome<T> outcome)
    {
        var status = OutcomeHttp.Status(outcome.Kind);
        return Problem(status, outcome.Detail ?? Title(status), outcome.Errors);
    }

    private static string Title(int status) => status switch
    {
        400 => "Ungültige Anfrage",
        401 => "Anmeldung erforderlich",
        403 => "Keine Berechtigung",
        404 => "Nicht gefunden",
        409 => "Nicht möglich im aktuellen Stand",
        410 => "Abgelaufen",
        413 => "Anfrage zu groß",
        415 => "Nicht unterstütztes Format",
        429 => "Zu viele Anfragen",
        503 => "Vorübergehend nicht verfügbar",
        _ => "Fehler",
    };
}
