using Microsoft.AspNetCore.HttpOverrides;
using Ratsworkflow.Functions.References;
using Ratsworkflow.Functions.Tokens;

using Ratsworkflow.Functions.Security;

// In the root namespace on purpose: Startup calls AddSecurity/UseSecurity without another using line.
namespace Ratsworkflow.Functions;

/// <summary>Everything of the security slice, plus the token and reference stores, in one call each for Startup.</summary>
public static class SecurityRegistration
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.AddClerkAuthentication();
        builder.Services.AddRateLimitPolicies(builder.Configuration);
        // Behind a local proxy (the Functions host forwards over loopback, or nginx on premises) the client's
        // address arrives in X-Forwarded-For; it is trusted only from loopback, the framework's default.
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor);
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddAccessTokens(builder.Configuration);
        builder.Services.AddReferenceNumbers(builder.Configuration);
        return builder;
    }

    /// <summary>Order matters: headers on everything, limits before any work, then who the caller is and whether a cookie call is forged.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CookieApiAntiforgery>();
        app.UseAuthorization();
        return app;
    }
}
