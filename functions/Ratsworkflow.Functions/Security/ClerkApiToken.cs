using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ratsworkflow.Functions.Security;

/// <summary>The clerks' API bearer token, configured as <c>Clerks:ApiToken</c> (env: <c>Clerks__ApiToken</c>).</summary>
public static class ClerkApiToken
{
    public const string ConfigurationKey = "Clerks:ApiToken";

    /// <summary>Shorter secrets still work (automation may have one), but the start-up log warns.</summary>
    public const int RecommendedMinimumLength = 32;

    /// <summary>
    /// In Development without a configured token, puts a random one under the same key, so everything that reads
    /// <c>Clerks:ApiToken</c> sees it and the start-up log can print it. Elsewhere nothing is invented: without a
    /// token, bearer calls are refused. Returns whether a token was generated.
    /// </summary>
    internal static bool EnsureForDevelopment(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[ConfigurationKey]) || !builder.Environment.IsDevelopment())
        {
            return false;
        }
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(ConfigurationKey, token)]);
        return true;
    }

    /// <summary>Constant-time, and hashing first makes the time independent of both lengths too.</summary>
    internal static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
