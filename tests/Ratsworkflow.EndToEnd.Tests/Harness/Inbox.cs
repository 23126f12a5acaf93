using System.Text.RegularExpressions;
using Ratsworkflow.Testing;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>Reads the links people follow out of the mails the app sent to maildev.</summary>
public static partial class Inbox
{
    /// <summary>
    /// Waits for the newest mail to <paramref name="to"/> whose subject contains <paramref name="subject"/> and holds a
    /// link whose path starts with <paramref name="pathPrefix"/>; returns that path (relative, for the browser).
    /// </summary>
    public static async Task<string> LinkAsync(this MailDev mail, string to, string subject, string pathPrefix, TimeSpan? timeout = null)
    {
        bool Fits(ReceivedMail m) => m.IsTo(to) && m.Subject.Contains(subject, StringComparison.Ordinal) && PathIn(m, pathPrefix) is not null;
        var mails = await mail.WaitForAsync(all => all.Any(Fits), timeout);
        return PathIn(mails.Last(Fits), pathPrefix)!;
    }

    /// <summary>How many mails to <paramref name="to"/> have a subject that contains <paramref name="subject"/>.</summary>
    public static async Task<int> CountAsync(this MailDev mail, string to, string subject) =>
        (await mail.GetAllAsync()).Count(m => m.IsTo(to) && m.Subject.Contains(subject, StringComparison.Ordinal));

    /// <summary>The token: a link's last path segment.</summary>
    public static string TokenOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string? PathIn(ReceivedMail mail, string pathPrefix)
    {
        foreach (Match match in Link().Matches(mail.Text ?? ""))
        {
            if (match.Groups["path"].Value.StartsWith(pathPrefix, StringComparison.Ordinal))
            {
                return match.Groups["path"].Value;
            }
        }
        return null;
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/[^\s""<>]*)")]
    private static partial Regex Link();
}
