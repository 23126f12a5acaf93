namespace Ratsworkflow.Functions.Security;

/// <summary>The problem+json answers of the security layer, German like every message a user or script reads.</summary>
internal static class SecurityProblems
{
    public static Task UnauthenticatedAsync(HttpContext context, bool invalidToken) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Nicht angemeldet",
            invalidToken
                ? "Das Zugangs-Token ist ungültig."
                : "Für diese Anfrage ist eine Anmeldung erforderlich: ein gültiges Zugangs-Token (Authorization: Bearer) " +
                    "oder eine Anmeldung als Sachbearbeitung.");

    public static Task ForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Keine Berechtigung",
            "Sie sind angemeldet, dürfen diese Anfrage aber nicht ausführen.");

    public static Task ForgeryAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Keine Berechtigung",
            "Diese Anfrage kommt mit der Anmeldung des Ratsbüros (Cookie), aber ohne gültiges Fälschungsschutz-Token " +
            "(Header „RequestVerificationToken“). Sie wurde nicht ausgeführt. Skripte verwenden das Zugangs-Token (Authorization: Bearer).");

    public static Task TooManyRequestsAsync(HttpContext context, int retryAfterSeconds) =>
        WriteAsync(context, StatusCodes.Status429TooManyRequests, "Zu viele Anfragen",
            "Zu viele Anfragen von Ihrer Adresse. Bitte versuchen Sie es in " +
            $"{Wording.GermanText.Duration(TimeSpan.FromSeconds(retryAfterSeconds))} ({retryAfterSeconds} Sekunden) erneut.");

    private static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return TypedResults.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
