namespace Ratsworkflow.Functions.Security;

/// <summary>Says once at start which clerk API token is in force, or that none is (docs/design.md: "printed at start").</summary>
internal sealed class ClerkApiTokenAnnouncement(IConfiguration configuration, ILogger<ClerkApiTokenAnnouncement> logger, bool generated)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (generated)
        {
            logger.LogWarning("Clerks:ApiToken is not configured; this development run accepts the generated clerk API token {ApiToken}",
                configuration[ClerkApiToken.ConfigurationKey]);
        }
        else if (configuration[ClerkApiToken.ConfigurationKey] is not { } token || string.IsNullOrWhiteSpace(token))
        {
            logger.LogError("Clerks:ApiToken is not configured: clerk API calls with a bearer token are refused.");
        }
        else if (token.Length < ClerkApiToken.RecommendedMinimumLength)
        {
            logger.LogWarning("Clerks:ApiToken is shorter than {Length} characters; use a long random value.",
                ClerkApiToken.RecommendedMinimumLength);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
