using System.Threading.Channels;
using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Tokens;

namespace Ratsworkflow.Functions.Clerks;

/// <summary>What a sign-in link says when it is opened or used.</summary>
/// <param name="Email">The clerk's address; set when <paramref name="Status"/> is Valid.</param>
public sealed record SignInLink(TokenStatus Status, string? Email)
{
    public bool IsValid => Status == TokenStatus.Valid;
}

/// <summary>
/// The clerks' sign-in by emailed link: anyone may ask for a link, only a configured clerk address
/// (<see cref="OrganizationCatalog.Clerks"/>) gets one. Requests are only queued here and mailed by
/// <see cref="ClerkSignInMailer"/>, so the answer takes the same time and says the same whether or not the address
/// belongs to a clerk: nobody can find out the clerks' addresses by asking.
/// </summary>
public sealed class ClerkSignIn(OrganizationStore organizations, IAccessTokenStore tokens)
{
    /// <summary>A request waiting for the mailer. Bounded: a flood is dropped, not buffered without end.</summary>
    internal Channel<string> Requests { get; } = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues a link for <paramref name="email"/> (already checked to be an address).</summary>
    public void Request(string email) => Requests.Writer.TryWrite(email.Trim());

    public static bool IsAddress(string? email) => EmailAddress.IsValid(email?.Trim());

    /// <summary>Checks a link without using it up (the GET of the mailed link; mail scanners open links too).</summary>
    public async Task<SignInLink> CheckAsync(string? token, CancellationToken cancellationToken) =>
        await StillClerkAsync(await tokens.ResolveAsync(TokenPurpose.SignIn, token, cancellationToken), cancellationToken);

    /// <summary>Uses the link up; valid only once, and only while the address is still a clerk's.</summary>
    public async Task<SignInLink> RedeemAsync(string? token, CancellationToken cancellationToken) =>
        await StillClerkAsync(await tokens.ConsumeAsync(TokenPurpose.SignIn, token, cancellationToken), cancellationToken);

    /// <summary>The configured clerk with this address, if any (addresses compare case-insensitively).</summary>
    public async Task<Clerk?> FindClerkAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        return catalog.Clerks.FirstOrDefault(c => string.Equals(c.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private async Task<SignInLink> StillClerkAsync(TokenResolution resolution, CancellationToken cancellationToken)
    {
        if (!resolution.IsValid)
        {
            return new SignInLink(resolution.Status, null);
        }
        // Removed from the configuration since the link was sent: the link no longer signs anyone in.
        return await FindClerkAsync(resolution.Token!.Subject.Email, cancellationToken) is { } clerk
            ? new SignInLink(TokenStatus.Valid, clerk.Email)
            : new SignInLink(TokenStatus.Unknown, null);
    }
}
