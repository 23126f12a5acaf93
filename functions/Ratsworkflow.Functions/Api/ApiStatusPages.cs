using Microsoft.AspNetCore.Diagnostics;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Api;

/// <summary>
/// Whatever the framework refuses before an endpoint runs (unknown route, wrong method, a query value that does not
/// bind, an unhandled error) still answers the API's way: problem+json with a German detail.
/// </summary>
public static class ApiStatusPages
{
    public static IApplicationBuilder UseApiStatusPages(this IApplicationBuilder api) => api
        .UseExceptionHandler(handler => handler.Run(WriteErrorAsync))
        .UseStatusCodePages(context => WriteAsync(context.HttpContext.Response, context.HttpContext.Response.StatusCode));

    /// <summary>Storage out of reach is the moment's fault, not the request's: 503 with Retry-After, so clients try again.</summary>
    private static Task WriteErrorAsync(HttpContext context)
    {
        if (StorageOutage.IsCause(context.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            StorageOutage.SetRetryAfter(context.Response);
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, StorageOutage.Detail).ExecuteAsync(context);
        }
        return WriteAsync(context.Response, StatusCodes.Status500InternalServerError);
    }

    private static Task WriteAsync(HttpResponse response, int status)
    {
        var detail = status switch
        {
            404 => "Diese Adresse gibt es in der Schnittstelle nicht.",
            405 => "Diese Methode ist für diese Adresse nicht erlaubt.",
            400 => "Die Anfrage ist ungültig; bitte prüfen Sie Adresse und Parameter.",
            413 => "Die Anfrage ist zu groß.",
            415 => "Bitte senden Sie die Daten als JSON (Content-Type: application/json).",
            >= 500 => "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.",
            _ => "Die Anfrage konnte nicht bearbeitet werden.",
        };
        response.StatusCode = status;
        return ApiProblems.Problem(status, detail).ExecuteAsync(response.HttpContext);
    }
}
