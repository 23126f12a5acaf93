using System.Globalization;

namespace Ratsworkflow.Testing;

/// <summary>The app's settings every in-process test host starts from: its Azurite, its maildev, fixed links and clerk token.</summary>
public static class AppSettings
{
    public static Dictionary<string, string?> For(string storage, MailDev mail, string clerkToken) => new()
    {
        ["Storage:ConnectionString"] = storage,
        ["Email:Provider"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["App:PublicBaseUrl"] = "http://ratsworkflow.test",
        ["Clerks:ApiToken"] = clerkToken,
        // Tests send more than a person would; the limits themselves are tested on their own.
        ["RateLimits:submission:PermitLimit"] = "10000",
        ["RateLimits:token:PermitLimit"] = "10000",
    };
}
