using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Ratsworkflow.Functions.Tokens;

/// <summary>
/// The token string: base64url of 48 bytes = 16 bytes group id + 32 bytes (256 bits) from the CSPRNG. 48 bytes encode
/// to exactly 64 characters without padding, and every such string decodes to exactly one byte sequence, so a
/// changed character always changes the hash. Only the SHA-256 of the 48 bytes is ever stored.
/// </summary>
internal static class AccessTokenFormat
{
    public const int SecretLength = 32;
    public const int ByteLength = TokenGroup.IdLength + SecretLength;
    public const int Length = ByteLength / 3 * 4;

    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new token for the group, and the hash under which it is stored.</summary>
    public static (string Token, string Hash) Create(ReadOnlySpan<byte> groupId)
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        groupId.CopyTo(bytes);
        RandomNumberGenerator.Fill(bytes[TokenGroup.IdLength..]);
        return (Base64Url.EncodeToString(bytes), Hash(bytes));
    }

    /// <summary>
    /// Refuses anything that cannot be a token before it reaches storage: wrong length (including huge input), a
    /// character outside base64url. On success gives the group id and the lower-case hex SHA-256 (the row key).
    /// </summary>
    public static bool TryParse(string? token, out byte[] groupId, out string hash)
    {
        groupId = [];
        hash = "";
        if (token is null || token.Length != Length || token.AsSpan().ContainsAnyExcept(Alphabet))
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[ByteLength];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != ByteLength)
        {
            return false;
        }
        groupId = bytes[..TokenGroup.IdLength].ToArray();
        hash = Hash(bytes);
        return true;
    }

    public static string Hash(ReadOnlySpan<byte> tokenBytes) => Convert.ToHexStringLower(SHA256.HashData(tokenBytes));
}
