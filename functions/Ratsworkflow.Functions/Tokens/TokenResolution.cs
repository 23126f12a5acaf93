namespace Ratsworkflow.Functions.Tokens;

/// <summary>What a presented token stands for. <see cref="Token"/> is null exactly when the status is Unknown.</summary>
public sealed record TokenResolution(TokenStatus Status, AccessToken? Token)
{
    public static readonly TokenResolution Unknown = new(TokenStatus.Unknown, null);

    public bool IsValid => Status == TokenStatus.Valid;
}

/// <summary>The stored facts about an issued token (never the token itself).</summary>
public sealed record AccessToken(
    TokenPurpose Purpose,
    TokenSubject Subject,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>Used beats closed beats expired: the most specific reason is the one a page should explain.</summary>
    public TokenStatus StatusAt(DateTimeOffset now) =>
        UsedAt is not null ? TokenStatus.Used
        : ClosedAt is not null ? TokenStatus.Closed
        : now >= ExpiresAt ? TokenStatus.Expired
        : TokenStatus.Valid;
}
