using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Api;
using Ratsworkflow.Functions.Clerks;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Web;

/// <summary>
/// Everything the server-rendered pages need, wired from <see cref="Startup"/>: <see cref="AddWeb"/> (services),
/// <see cref="UseErrorPages"/> and <see cref="UseWeb"/> (middleware, before any endpoint) and <see cref="MapWeb"/>.
/// </summary>
public static class WebRegistration
{
    public const string ErrorPath = "/fehler";

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        // Outside Development ASP.NET Core reads wwwroot only from the content root. Running the build output
        // (./run.sh, the browser tests) has no wwwroot there, only the build's manifest that points at the source
        // folder; this reads it. Published output has no manifest, and the call does nothing.
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }

        var services = builder.Services;
        services.AddProblemDetails();
        services.AddOptions<WebOptions>()
            .Bind(builder.Configuration.GetSection(WebOptions.Section))
            // `./run.sh --development` (Development): the pattern library is at hand without extra configuration.
            .PostConfigure(options => options.PatternLibrary |= builder.Environment.IsDevelopment());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WebOptions>>().Value);
        services.AddRazorPages(options =>
            {
                // The Ratsbüro's pages need a signed-in clerk; the way to sign in must be open to everyone.
                options.Conventions.AuthorizeFolder("/Ratsbuero", ClerkAuthentication.PolicyName);
                options.Conventions.AllowAnonymousToFolder("/Ratsbuero/Anmeldung");
                options.Conventions.RateLimitPosts("/Antrag/Neu", RateLimitPolicies.Submission);
                options.Conventions.RateLimitPosts("/Ratsbuero/Anmeldung/Anmelden", RateLimitPolicies.SignIn);
            })
            .AddMvcOptions(GermanValidationMessages.Apply)
            // Forms are validated on the server only; client-side validation would need JavaScript.
            .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false);
        // Security/SecurityHeadersMiddleware sends X-Frame-Options: DENY; anti-forgery's own SAMEORIGIN would be weaker.
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
        services.AddClerks(builder.Configuration);
        services.AddSingleton<Pages.Antrag.FactionLink>();
        return builder;
    }

    /// <summary>
    /// Error answers for everything after it: registered before the security middleware, so a refusal there (a rate
    /// limit's 429 for a browser, a storage outage while checking a clerk's session) gets the German page too.
    /// </summary>
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        // Friendly German pages for people. Registered on the app itself, not in a UseWhen branch: re-executing
        // /fehler needs the app's routes, and ASP.NET Core hides them from branched pipelines.
        if (!app.Environment.IsDevelopment())
        {
            // Storage out of reach: "Der Dienst ist gerade nicht erreichbar" (503) with Retry-After, not a fault of ours.
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorPath,
                StatusCodeSelector = error => StorageOutage.IsCause(error)
                    ? StatusCodes.Status503ServiceUnavailable
                    : StatusCodes.Status500InternalServerError,
            });
            app.Use(RetryAfterOnOutage);
        }
        app.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}");
        // The API keeps machine-readable errors (problem+json, docs/design.md §4 "JSON API"), never the HTML page.
        app.UseWhen(IsApi, api => api.Use(WithoutStatusCodePages).UseApiStatusPages());
        return app;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseCachedStaticFiles();
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapClerks();
        return app;
    }

    /// <summary>The error page for a storage outage tells browsers and crawlers when to come back.</summary>
    private static Task RetryAfterOnOutage(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && !context.Response.Headers.ContainsKey("Retry-After"))
            {
                StorageOutage.SetRetryAfter(context.Response);
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task WithoutStatusCodePages(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
        return next(context);
    }
}
