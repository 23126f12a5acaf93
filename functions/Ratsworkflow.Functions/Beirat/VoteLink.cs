using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ratsworkflow.Functions.Tokens;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// The token of a member's vote link: the access token, then after a dot what it grants — motion, round, member and
/// deadline (base64url). The whole link's hash names the member's ballot paper for it (<see cref="BallotStore"/>), so a
/// vote finds motion, round and member in the link and is proven by the paper alone: one storage request. A link whose
/// claim was changed names no paper, and it resolves as unknown (<see cref="ResolveVoteLinkAsync"/>): a link is valid only as
/// issued. A plain access token (a link mailed before links carried their claim) is still a valid link.
/// </summary>
public static class VoteLink
{
    private const int MaxClaimLength = 600;

    /// <summary>The link for an issued access token and the right it grants, and the id of its ballot paper.</summary>
    public static (string Link, string PaperId) Create(string accessToken, VoteRight right)
    {
        if (right.MotionId.Contains('\n') || right.MemberId.Contains('\n'))
        {
            throw new ArgumentException("Motion and member ids of a vote link hold no line break.", nameof(right));
        }
        var claim = string.Join('\n', right.MotionId, right.Round.ToString(CultureInfo.InvariantCulture), right.MemberId,
            right.Until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        var link = accessToken + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claim));
        return (link, PaperIdOf(link));
    }

    /// <summary>
    /// The access token in the link and, if the link carries one, its claim (not yet proven: its paper or its access
    /// token proves it) with the paper id. False for a claim that cannot be read.
    /// </summary>
    public static bool TryRead(string? link, out string? accessToken, out VoteRight? claimed, out string paperId)
    {
        (accessToken, claimed, paperId) = (link, null, "");
        var dot = link?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot < 0)
        {
            return true;
        }
        accessToken = link![..dot];
        var encoded = link[(dot + 1)..];
        if (encoded.Length > MaxClaimLength || !Base64Url.IsValid(encoded))
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded)).Split('\n');
        if (parts is not [{ Length: > 0 } motionId, var round, { Length: > 0 } memberId, var until]
            || !int.TryParse(round, NumberStyles.None, CultureInfo.InvariantCulture, out var roundNumber) || roundNumber < 1
            || !long.TryParse(until, NumberStyles.None, CultureInfo.InvariantCulture, out var untilMs)
            || untilMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }
        claimed = new VoteRight(motionId, roundNumber, memberId, DateTimeOffset.FromUnixTimeMilliseconds(untilMs));
        paperId = PaperIdOf(link);
        return true;
    }

    /// <summary>
    /// Resolves the link's access token; a link whose claim is unreadable or does not match what the token was issued
    /// for is unknown, as a changed token is.
    /// </summary>
    public static async Task<TokenResolution> ResolveVoteLinkAsync(this IAccessTokenStore tokens, string? link, CancellationToken cancellationToken)
    {
        if (!TryRead(link, out var accessToken, out var claimed, out _))
        {
            return TokenResolution.Unknown;
        }
        var resolution = await tokens.ResolveAsync(TokenPurpose.Vote, accessToken, cancellationToken);
        return claimed is null || resolution.Token is not { } token || RightOf(token) == claimed ? resolution : TokenResolution.Unknown;
    }

    /// <summary>What the access token grants; its expiry (to the millisecond the link carries) is the round's deadline.</summary>
    public static VoteRight RightOf(AccessToken token) => new(token.Subject.MotionId!, token.Subject.Round ?? 0, token.Subject.MemberId!,
        DateTimeOffset.FromUnixTimeMilliseconds(token.ExpiresAt.ToUnixTimeMilliseconds()));

    private static string PaperIdOf(string link) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(link)));
}
