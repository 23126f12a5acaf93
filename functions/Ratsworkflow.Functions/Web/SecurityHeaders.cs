namespace Ratsworkflow.Functions.Web;

/// <summary>
/// Security headers on every response: pages, API, static files and error pages alike. They are set when the
/// response starts, not when the request comes in, because the exception handler clears all headers before it
/// renders the error page.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>No inline script or style anywhere: the pages need no JavaScript and all CSS is in wwwroot.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(Apply, context.Response);
            return next(context);
        });

    private static Task Apply(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Overwrites, not adds: anti-forgery would otherwise have set SAMEORIGIN already.
        headers.XFrameOptions = "DENY";
        return Task.CompletedTask;
    }
}
