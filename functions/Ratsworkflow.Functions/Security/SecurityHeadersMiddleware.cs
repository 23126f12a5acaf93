namespace Ratsworkflow.Functions.Security;

/// <summary>
/// Headers on every response. Set when the response starts (so error pages get them too) and only where a page has
/// not set its own, so a page with special needs can override one deliberately.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>No inline scripts or styles anywhere: pages work without JavaScript and ship their CSS as files.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    private static readonly KeyValuePair<string, string>[] Headers =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Content-Type-Options", "nosniff"),
        // Tokens are path segments of links: a referrer would hand them to every linked or embedded site.
        new("Referrer-Policy", "no-referrer"),
        new("X-Frame-Options", "DENY"),
        new("Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
    ];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            foreach (var (name, value) in Headers)
            {
                headers.TryAdd(name, value);
            }
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
