using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>The emailed sign-in link for a clerk (local login; Entra ID in Azure). Link: <see cref="MailLink.ClerkSignIn"/>.</summary>
public sealed record ClerkSignInRequested : Notification
{
    public required DateTimeOffset ExpiresAt { get; init; }

    internal override MailContent Compose() => new(
        "Anmeldung im Ratsworkflow",
        ["Sie haben einen Anmeldelink für den Ratsworkflow angefordert."],
        [
            $"Der Link gilt bis {FormatDateTime(ExpiresAt)} und nur für eine Anmeldung.",
            "Haben Sie ihn nicht angefordert, ignorieren Sie diese E-Mail; ohne den Link kann sich niemand anmelden.",
        ])
    {
        Facts = MailFact.Of(("Gültig bis", FormatDateTime(ExpiresAt))),
    };
}
