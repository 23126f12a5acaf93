using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Tokens;

/// <summary>One issued token. PartitionKey = purpose + group id, RowKey = SHA-256 of the token (hex).</summary>
public sealed class AccessTokenEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Purpose { get; set; } = "";
    public string? GroupKey { get; set; }
    public string? MotionId { get; set; }
    public string? MemberId { get; set; }
    public int? Round { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    internal AccessToken ToAccessToken() => new(
        Enum.Parse<TokenPurpose>(Purpose),
        new TokenSubject(MotionId, MemberId, Round, Email),
        IssuedAt,
        ExpiresAt,
        UsedAt,
        ClosedAt);
}
