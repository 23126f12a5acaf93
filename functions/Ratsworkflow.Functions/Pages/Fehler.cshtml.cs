using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Pages;

/// <summary>
/// The page people see instead of an error: re-executed for 4xx/5xx without a body and for unhandled exceptions
/// (see <c>WebRegistration.UseWeb</c>). It has no handler methods, so it renders for any HTTP method, and it skips the
/// anti-forgery check, so a rejected POST can be answered with it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class FehlerModel : PageModel
{
    public sealed record Explanation(string Title, string Text, bool ShowReference);

    /// <summary>The status the visitor got: from the re-executed response, or from the URL when opened directly.</summary>
    public int Code =>
        HttpContext.Response.StatusCode >= 400 ? HttpContext.Response.StatusCode
        : RouteData.Values["code"] is string code && int.TryParse(code, out var parsed) ? parsed
        : 500;

    /// <summary>Lets the Ratsbüro find the log entry when someone calls about a fault.</summary>
    public string Reference => Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;

    public Explanation Explain() => Code switch
    {
        404 => new("Seite nicht gefunden",
            "Vielleicht ist die Adresse falsch geschrieben, oder die Seite gibt es nicht mehr. " +
            "Wenn Sie einen Link aus einer E-Mail geöffnet haben: Manche E-Mail-Programme trennen lange Links. " +
            "Kopieren Sie dann den ganzen Link in die Adresszeile.",
            false),
        410 => new("Dieser Link gilt nicht mehr",
            "Der Link ist abgelaufen oder wurde schon benutzt. Die E-Mail, die Sie als Nächstes von uns erhalten, enthält einen neuen Link.",
            false),
        400 => new("Das Formular konnte nicht verarbeitet werden",
            "Vielleicht war die Seite zu lange geöffnet. Laden Sie die Seite neu und senden Sie das Formular noch einmal ab.",
            false),
        401 or 403 => new("Kein Zugriff",
            "Für diese Seite müssen Sie angemeldet sein, oder Ihre Anmeldung berechtigt nicht dazu.",
            false),
        405 => new("Das geht hier nicht",
            "Diese Seite kann so nicht aufgerufen werden. Beginnen Sie bitte noch einmal auf der Startseite.",
            false),
        429 => new("Zu viele Anfragen",
            HttpContext.Items[RateLimitPolicies.RetryAfterItem] is TimeSpan wait
                ? $"Von Ihrer Adresse kamen in kurzer Zeit zu viele Anfragen. Bitte versuchen Sie es in {GermanText.Duration(wait)} noch einmal."
                : "Bitte warten Sie einen Moment und versuchen Sie es dann noch einmal.",
            false),
        503 => new("Der Dienst ist gerade nicht erreichbar",
            "Bitte versuchen Sie es in einigen Minuten noch einmal.",
            true),
        >= 400 and < 500 => new("Die Anfrage konnte nicht bearbeitet werden",
            "Bitte beginnen Sie noch einmal auf der Startseite.",
            false),
        _ => new("Entschuldigung, hier ist etwas schiefgelaufen",
            "Bitte versuchen Sie es in einigen Minuten noch einmal. " +
            "Falls Sie gerade ein Formular abgeschickt haben: Warten Sie auf die Bestätigungs-E-Mail, bevor Sie es erneut senden.",
            true),
    };
}
