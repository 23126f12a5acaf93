using Microsoft.AspNetCore.Authentication.Cookies;
using Ratsworkflow.Functions.Security;

namespace Ratsworkflow.Functions.Clerks;

/// <summary>The Ratsbüro's own services: sign-in by emailed link and the CSV export. Called from the web slice.</summary>
public static class ClerkRegistration
{
    public static IServiceCollection AddClerks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClerkSignInOptions>()
            .Bind(configuration.GetSection(ClerkSignInOptions.Section))
            .Validate(o => o.SignInLinkLifetime > TimeSpan.Zero && o.SignInLinkLifetime <= TimeSpan.FromHours(1),
                "Clerks:SignInLinkLifetime muss zwischen 0 und 1 Stunde liegen.")
            .ValidateOnStart();
        services.AddSingleton<ClerkSignIn>();
        services.AddHostedService<ClerkSignInMailer>();
        // Everyone with the cookie is a clerk, so "access denied" cannot happen; should it ever, the German 403 page.
        services.Configure<CookieAuthenticationOptions>(ClerkAuthentication.CookieScheme, o => o.AccessDeniedPath = "/fehler/403");
        return services;
    }

    public static IEndpointRouteBuilder MapClerks(this IEndpointRouteBuilder routes) => routes.MapMotionExport();
}
