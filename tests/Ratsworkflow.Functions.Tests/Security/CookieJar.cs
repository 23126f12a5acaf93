using System.Text.RegularExpressions;

namespace Ratsworkflow.Functions.Tests.Security;

/// <summary>What a browser keeps of Set-Cookie (name and value; a deleted or expired cookie leaves) and sends back.</summary>
internal sealed partial class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string Header => string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value));

    public string? this[string name] => _cookies.GetValueOrDefault(name);

    public CookieJar Copy()
    {
        var copy = new CookieJar();
        foreach (var (name, value) in _cookies)
        {
            copy._cookies[name] = value;
        }
        return copy;
    }

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }
        foreach (var setCookie in values)
        {
            var pair = setCookie.Split(';')[0];
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = pair[(name.Length + 1)..];
            if (value.Length == 0 || Expired().IsMatch(setCookie))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    /// <summary>Sign-out deletes a cookie by sending it with an expiry in 1970.</summary>
    [GeneratedRegex("expires=Thu, 01 Jan 1970", RegexOptions.IgnoreCase)]
    private static partial Regex Expired();
}
