using Ratsworkflow.Functions.Email;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Email;

public sealed class NotificationSenderTests
{
    private readonly RecordingTransport _transport = new();
    private readonly NotificationSender _sender;

    public NotificationSenderTests() => _sender = new NotificationSender(_transport, new NotificationRenderer(new Uri("https://rat.example.org")));

    [Fact]
    public async Task SendAsync_SeveralRecipients_OneMailEachWithItsOwnKey()
    {
        var decided = (MotionDecided)Samples.OfKind(nameof(MotionDecided)) with { To = [Samples.Faction, Samples.Clerk, Samples.Member] };

        await _sender.SendAsync(decided, "instance-1:7", CancellationToken.None);

        var mails = _transport.Delivered.ToList();
        Assert.Equal(3, mails.Count);
        Assert.All(mails, mail => Assert.Single(mail.To));
        Assert.Equal(["fraktion@example.org", "ratsbuero@example.org", "mitglied@example.org"], mails.Select(m => m.To[0].Address));
        Assert.Equal(3, mails.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.All(mails, mail => Assert.StartsWith("instance-1:7|", mail.IdempotencyKey));
        Assert.Single(mails.Select(m => m.HtmlBody).Distinct());
    }

    [Fact]
    public async Task SendAsync_SameAddressInOtherCase_SendsOnce()
    {
        var notification = Samples.OfKind(nameof(MotionOverdue)) with { To = [Samples.Clerk, new Mailbox("RatsBuero@Example.org")] };

        await _sender.SendAsync(notification, "k", CancellationToken.None);

        Assert.Single(_transport.Delivered);
    }

    [Fact]
    public async Task SendAsync_NoRecipient_Throws()
    {
        var notification = Samples.OfKind(nameof(MotionOverdue)) with { To = [] };

        await Assert.ThrowsAsync<ArgumentException>(() => _sender.SendAsync(notification, "k", CancellationToken.None));
        Assert.Empty(_transport.Delivered);
    }

    [Theory]
    [InlineData("Ratsbüro <ratsbuero@example.org>", "ratsbuero@example.org", "Ratsbüro")]
    [InlineData("ratsbuero@example.org", "ratsbuero@example.org", null)]
    [InlineData("\"Rat, Büro\" <rb@example.org>", "rb@example.org", "Rat, Büro")]
    public void MailboxParse_ConfigurationForms_NameAndAddress(string value, string address, string? name)
    {
        var mailbox = Mailbox.Parse(value);

        Assert.Equal(address, mailbox.Address);
        Assert.Equal(name, mailbox.DisplayName);
    }

    [Theory]
    [InlineData("kein-at-zeichen")]
    [InlineData("Name <a@example.org>")]
    [InlineData("")]
    public void Mailbox_NotAnAddress_Throws(string address) =>
        Assert.Throws<ArgumentException>(() => new Mailbox(address));
}
