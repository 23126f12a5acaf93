using Microsoft.AspNetCore.Antiforgery;

namespace Ratsworkflow.Functions.Security;

/// <summary>
/// Cross-site request forgery on the API: a page of another origin on the same site (another port, a sibling host)
/// can make a signed-in clerk's browser POST to <c>/api/motions/{id}/withdraw</c>, and SameSite=Lax sends the cookie
/// along. So an unsafe API request that the clerk's cookie authenticates must carry the anti-forgery token
/// (header <c>RequestVerificationToken</c>, or the form field) or is refused with 403. The bearer API is not affected:
/// a browser never adds that header on its own. The pages' forms carry their token already (Razor Pages check it).
/// </summary>
public sealed class CookieApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await SecurityProblems.ForgeryAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity is { IsAuthenticated: true, AuthenticationType: ClerkAuthentication.CookieScheme };
}
