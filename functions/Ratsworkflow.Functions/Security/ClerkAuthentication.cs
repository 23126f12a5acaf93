using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Ratsworkflow.Functions.Security;

/// <summary>
/// Clerk endpoints accept the API bearer token or the signed-in clerk's cookie. The policy scheme <see cref="Scheme"/>
/// picks one per request, so a script gets 401 problem+json and a browser is sent to the sign-in page.
/// Use: <c>.RequireAuthorization(ClerkAuthentication.PolicyName)</c>; sign a clerk in and out with <see cref="ClerkSessions"/>.
/// </summary>
public static class ClerkAuthentication
{
    public const string PolicyName = "Clerk";
    public const string Scheme = "Clerk";
    public const string BearerScheme = "ClerkBearer";
    public const string CookieScheme = "ClerkCookie";
    public const string CookieName = "rw-clerk";
    public const string Role = "Clerk";

    /// <summary>Where a browser without a clerk cookie is sent; the web slice may change it via
    /// Configure&lt;CookieAuthenticationOptions&gt;(CookieScheme, …).</summary>
    public const string LoginPath = "/ratsbuero/anmelden";

    public static ClaimsPrincipal CreatePrincipal(string name, string authenticationType) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Role)], authenticationType));

    internal static WebApplicationBuilder AddClerkAuthentication(this WebApplicationBuilder builder)
    {
        var generated = ClerkApiToken.EnsureForDevelopment(builder);
        builder.Services.AddHostedService(sp => new ClerkApiTokenAnnouncement(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILogger<ClerkApiTokenAnnouncement>>(), generated));
        builder.Services.AddSingleton<ClerkSessions>();
        builder.Services.AddOptions<ClerkSessionOptions>().Bind(builder.Configuration.GetSection("Clerks"))
            .Validate(o => o.SessionLifetime > TimeSpan.Zero, "Clerks:SessionLifetime muss größer als 0 sein.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Ratsbüro", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ClerkBearerHandler>(BearerScheme, displayName: null, _ => { })
            .AddCookie(CookieScheme, ConfigureCookie);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => policy.AddAuthenticationSchemes(Scheme).RequireRole(Role));
        return builder;
    }

    /// <summary>A bearer header wins; then the cookie; without either an API call is challenged the bearer way (401).</summary>
    private static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 ? BearerScheme
        : context.Request.Cookies.ContainsKey(CookieName) ? CookieScheme
        : IsApi(context.Request) ? BearerScheme
        : CookieScheme;

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.SameSite = SameSiteMode.Lax;
        // Eight hours without a request end the cookie; ClerkSessions ends the session itself (sign-out, absolute lifetime).
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = LoginPath;
        options.Events.OnValidatePrincipal = context =>
            context.HttpContext.RequestServices.GetRequiredService<ClerkSessions>().ValidateAsync(context);
        // An expired cookie on an API call must still answer like the API does, not with a redirect to a page.
        var redirectToLogin = options.Events.OnRedirectToLogin;
        var redirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToLogin = context =>
            IsApi(context.Request) ? SecurityProblems.UnauthenticatedAsync(context.HttpContext, invalidToken: false) : redirectToLogin(context);
        options.Events.OnRedirectToAccessDenied = context =>
            IsApi(context.Request) ? SecurityProblems.ForbiddenAsync(context.HttpContext) : redirectToAccessDenied(context);
    }
}
