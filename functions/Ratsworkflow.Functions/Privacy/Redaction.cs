using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Ratsworkflow.Functions.Privacy;

/// <summary>
/// Email addresses out of logs and bookkeeping rows: each becomes a short hash of itself, so an operator who knows an
/// address can still find its lines (hash it), while the text itself names nobody.
/// </summary>
public static partial class Redaction
{
    public static string Addresses(string text) =>
        EmailAddress().Replace(text, m =>
            "addr-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(m.Value.ToLowerInvariant())))[..8]);

    public static bool ContainsAddress(string text) => EmailAddress().IsMatch(text);

    [GeneratedRegex(@"[^\s<>()""',;:|]+@[^\s<>()""',;:|]+\.[A-Za-z]{2,}")]
    internal static partial Regex EmailAddress();
}
