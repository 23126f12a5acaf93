using MailKit.Security;

namespace Ratsworkflow.Functions.Email;

/// <summary>The <c>Email</c> configuration section (docs/design.md §5 "Configuration"; env vars as <c>Email__Key</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Smtp;

    /// <summary>Sender of every mail, <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "Ratsbüro <ratsbuero@example.org>";

    public SmtpOptions Smtp { get; set; } = new();
    public SendGridOptions SendGrid { get; set; } = new();
    public IdempotencyOptions Idempotency { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string Host { get; set; } = "localhost";
        public int Port { get; set; } = 1025;

        /// <summary>Only municipal servers need these; maildev takes anything.</summary>
        public string? User { get; set; }
        public string? Password { get; set; }

        /// <summary><c>Auto</c> uses STARTTLS when the server offers it; <c>StartTls</c> insists on it; <c>SslOnConnect</c> for port 465.</summary>
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
    }

    public sealed class SendGridOptions
    {
        public string? ApiKey { get; set; }

        /// <summary>Overridable so tests (and an EU data-residency host) can point the client elsewhere.</summary>
        public string BaseUrl { get; set; } = "https://api.sendgrid.com";

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
    }

    public sealed class IdempotencyOptions
    {
        /// <summary>Azure table of sent keys (the ledger).</summary>
        public string Table { get; set; } = "EmailLedger";

        /// <summary>
        /// How long a send attempt owns its key. Longer than any transport timeout, so a live attempt is never taken
        /// over; after it, a crashed attempt's key is sent again.
        /// </summary>
        public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(3);
    }
}

public enum EmailProvider
{
    Smtp,
    SendGrid,

    /// <summary>Counts and discards: for benchmarks that must not depend on a mail server.</summary>
    Null,
}
