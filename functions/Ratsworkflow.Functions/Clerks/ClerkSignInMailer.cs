using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Tokens;

namespace Ratsworkflow.Functions.Clerks;

/// <summary>
/// Sends the sign-in links that <see cref="ClerkSignIn.Request"/> queued: a fresh single-use token per request, and
/// a mail only to a configured clerk address. Runs in the background so the page answers at once either way.
/// </summary>
public sealed class ClerkSignInMailer(
    ClerkSignIn signIn,
    IAccessTokenStore tokens,
    NotificationSender mail,
    TimeProvider clock,
    IOptions<ClerkSignInOptions> options,
    ILogger<ClerkSignInMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var email in signIn.Requests.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(email, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The clerk can simply ask again; the next request must not be held up by this one.
                    logger.LogError(ex, "A clerk sign-in link could not be sent.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Issues and mails one link; does nothing for an address that is not a clerk's.</summary>
    internal async Task SendAsync(string email, CancellationToken cancellationToken)
    {
        if (await signIn.FindClerkAsync(email, cancellationToken) is not { } clerk)
        {
            logger.LogInformation("Sign-in link requested for an address that is not a clerk's; nothing sent.");
            return;
        }
        var expiresAt = clock.GetUtcNow() + options.Value.SignInLinkLifetime;
        var token = await tokens.IssueAsync(TokenPurpose.SignIn, TokenSubject.SignIn(clerk.Email), expiresAt, cancellationToken);
        await mail.SendAsync(new ClerkSignInRequested
        {
            To = [new Mailbox(clerk.Email, clerk.Name)],
            Link = MailLink.ClerkSignIn(token),
            ExpiresAt = expiresAt,
        }, "signin:" + Guid.NewGuid().ToString("N"), cancellationToken);
    }
}
