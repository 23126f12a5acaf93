using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Email;

/// <summary>The SMTP transport end to end through a real maildev, read back through its REST API.</summary>
public sealed class SmtpEmailTransportTests(MailDevFixture fixture) : IClassFixture<MailDevFixture>
{
    private readonly MailDev _mailDev = fixture.MailDev;

    [Fact]
    public async Task SendAsync_Message_ArrivesWithHtmlTextSenderAndRecipients()
    {
        var to = $"fraktion-{Guid.NewGuid():N}@example.org";
        var message = new EmailMessage([new Mailbox(to, "Grüne Fraktion"), new Mailbox("zweite@example.org")],
            "[A/2026/0042] Antrag registriert: Radwege für die Südstadt", "<p>Größere Radwege &amp; mehr</p>", "Größere Radwege & mehr", "instance-1:1");

        await Transport().SendAsync(message, CancellationToken.None);

        var mail = (await _mailDev.WaitForAsync(mails => mails.Any(m => m.IsTo(to)))).Single(m => m.IsTo(to));
        Assert.Equal(message.Subject, mail.Subject);
        Assert.Equal("Ratsbüro", Assert.Single(mail.From).Name);
        Assert.Equal("ratsbuero@example.org", mail.From[0].Address);
        Assert.Equal([to, "zweite@example.org"], mail.To.Select(t => t.Address));
        Assert.Equal("Grüne Fraktion", mail.To[0].Name);
        Assert.Contains("<p>Größere Radwege &amp; mehr</p>", mail.Html);
        Assert.Contains("Größere Radwege & mehr", mail.Text);
        Assert.Equal("auto-generated", Header(mail, "auto-submitted"));
        Assert.Equal("instance-1:1", Header(mail, "x-ratsworkflow-idempotency-key"));
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_SameMessageIdFromTheKey()
    {
        // Without the ledger both go out; the deterministic Message-ID is what lets a mailbox fold such a duplicate.
        var to = $"clerk-{Guid.NewGuid():N}@example.org";
        var message = new EmailMessage([new Mailbox(to)], "Ergebnis fehlt", "<p>x</p>", "x", "instance-9:5|" + to);

        await Transport().SendAsync(message, CancellationToken.None);
        await Transport().SendAsync(message, CancellationToken.None);

        var mails = (await _mailDev.WaitForAsync(mails => mails.Count(m => m.IsTo(to)) == 2)).Where(m => m.IsTo(to)).ToList();
        var ids = mails.Select(m => Header(m, "message-id")).Distinct().ToList();
        Assert.Single(ids);
        Assert.Matches("^<rw\\.[0-9a-f]{40}@example\\.org>$", ids[0]);
    }

    [Fact]
    public async Task SendAsync_ServerUnreachable_ThrowsDeliveryException()
    {
        var options = new EmailOptions { Smtp = { Host = "127.0.0.1", Port = ChildProcess.FreeTcpPort(), Timeout = TimeSpan.FromSeconds(5) } };
        var transport = new SmtpEmailTransport(Options.Create(options), NullLogger<SmtpEmailTransport>.Instance);

        await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            transport.SendAsync(new EmailMessage([Samples.Clerk], "s", "<p>h</p>", "t", "k"), CancellationToken.None));
    }

    private SmtpEmailTransport Transport() =>
        new(Options.Create(new EmailOptions { Smtp = { Host = "127.0.0.1", Port = _mailDev.SmtpPort } }), NullLogger<SmtpEmailTransport>.Instance);

    private static string? Header(ReceivedMail mail, string name) =>
        mail.Headers is not null && mail.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
