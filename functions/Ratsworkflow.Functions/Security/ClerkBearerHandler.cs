using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ratsworkflow.Functions.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;Clerks:ApiToken&gt;</c>. The token is read per request, so a rotated secret takes
/// effect without a restart when the configuration source reloads.
/// </summary>
public sealed class ClerkBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var expected = configuration[ClerkApiToken.ConfigurationKey];
        if (string.IsNullOrWhiteSpace(expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("Clerks:ApiToken is not configured."));
        }
        if (!ClerkApiToken.Matches(header[Prefix.Length..].Trim(), expected))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid clerk API token."));
        }
        var principal = ClerkAuthentication.CreatePrincipal("Ratsbüro-API", Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var invalid = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = invalid ? "Bearer error=\"invalid_token\"" : "Bearer";
        await SecurityProblems.UnauthenticatedAsync(Context, invalid);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => SecurityProblems.ForbiddenAsync(Context);
}
