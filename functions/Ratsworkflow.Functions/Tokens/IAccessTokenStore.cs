namespace Ratsworkflow.Functions.Tokens;

/// <summary>Issues and checks the tokens of emailed links (confirmation, vote, status, sign-in).</summary>
public interface IAccessTokenStore
{
    /// <summary>Issues a new token and returns it; the caller puts it into the link and nowhere else.</summary>
    /// <exception cref="ArgumentException">The subject lacks what the purpose needs, or <paramref name="expiresAt"/> is not in
    /// the future.</exception>
    Task<string> IssueAsync(TokenPurpose purpose, TokenSubject subject, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Checks a token without using it up (vote and status pages; a GET must never consume).</summary>
    Task<TokenResolution> ResolveAsync(TokenPurpose purpose, string? token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses a single-use token. Of any number of concurrent calls exactly one gets <see cref="TokenStatus.Valid"/>;
    /// the others get <see cref="TokenStatus.Used"/> (or Closed/Expired/Unknown as <see cref="ResolveAsync"/> would).
    /// </summary>
    Task<TokenResolution> ConsumeAsync(TokenPurpose purpose, string? token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes every token of the group that is neither used nor closed (e.g. all vote tokens of a round when the vote
    /// closes) and returns how many that were. Race-safe with <see cref="ConsumeAsync"/>: each token ends up either
    /// used or closed, never both.
    /// </summary>
    Task<int> CloseAsync(TokenGroup group, CancellationToken cancellationToken = default);

    /// <summary>Deletes every token of the group (the retention job: the rows name motion, member and address).</summary>
    Task DeleteAsync(TokenGroup group, CancellationToken cancellationToken = default);
}
