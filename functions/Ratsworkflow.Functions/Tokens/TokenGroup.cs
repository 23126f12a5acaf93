using System.Security.Cryptography;
using System.Text;

namespace Ratsworkflow.Functions.Tokens;

/// <summary>
/// The tokens that end together: all vote tokens of one motion's round, the confirmation or status tokens of one
/// motion, the sign-in tokens of one clerk address. A group is one table partition, so closing it is one partition
/// query, and the group's id travels inside the token so resolving it is one point read.
/// </summary>
public sealed record TokenGroup
{
    internal const int IdLength = 16;

    private TokenGroup(TokenPurpose purpose, string key)
    {
        Purpose = purpose;
        Key = key;
    }

    public TokenPurpose Purpose { get; }

    /// <summary>Readable key, e.g. "m-42/round-1". Partition keys use its hash, so it need not be a valid table key.</summary>
    public string Key { get; }

    public static TokenGroup VoteRound(string motionId, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(round);
        return new(TokenPurpose.Vote, Required(motionId, nameof(motionId)) + "/round-" + round);
    }

    /// <summary>The confirmation or status tokens of one motion.</summary>
    public static TokenGroup Motion(TokenPurpose purpose, string motionId)
    {
        if (purpose is not (TokenPurpose.Confirmation or TokenPurpose.Status))
        {
            throw new ArgumentException($"{purpose} tokens are not grouped by motion alone.", nameof(purpose));
        }
        return new(purpose, Required(motionId, nameof(motionId)));
    }

    public static TokenGroup SignIn(string email) =>
        new(TokenPurpose.SignIn, Required(email, nameof(email)).Trim().ToLowerInvariant());

    /// <summary>The group a token for this subject belongs to; throws if the subject lacks what the purpose needs.</summary>
    public static TokenGroup Of(TokenPurpose purpose, TokenSubject subject)
    {
        switch (purpose)
        {
            case TokenPurpose.Vote:
                Required(subject.MemberId, nameof(subject.MemberId));
                return VoteRound(subject.MotionId!, subject.Round ?? 0);
            case TokenPurpose.Confirmation or TokenPurpose.Status:
                return Motion(purpose, subject.MotionId!);
            case TokenPurpose.SignIn:
                return SignIn(subject.Email!);
            default:
                throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null);
        }
    }

    /// <summary>First 16 bytes of SHA-256 over purpose and key: fixed length, reveals nothing about the motion.</summary>
    internal byte[] Id() => SHA256.HashData(Encoding.UTF8.GetBytes(Purpose + "\n" + Key))[..IdLength];

    internal static string PartitionKeyOf(TokenPurpose purpose, ReadOnlySpan<byte> groupId) =>
        purpose + "-" + Convert.ToHexStringLower(groupId);

    internal string PartitionKey() => PartitionKeyOf(Purpose, Id());

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required for this token purpose.", name) : value;
}
