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
        Assert.Equal(["fraktion@example.org", "mitglied@example.org", "ratsbuero@example.org"], mails.Select(m => m.To[0].Address).Order());
        Assert.Equal(3, mails.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.All(mails, mail => Assert.StartsWith("instance-1:7|", mail.IdempotencyKey));
        Assert.Single(mails.Select(m => m.HtmlBody).Distinct());
    }

    [Fact]
    public async Task SendAsync_SeveralRecipients_MailsGoOutSideBySide()
    {
        // Each hand-over waits until all three are under way: one after another, the first would never finish.
        var transport = new MeetingTransport(3);
        var sender = new NotificationSender(transport, new NotificationRenderer(new Uri("https://rat.example.org")));
        var decided = (MotionDecided)Samples.OfKind(nameof(MotionDecided)) with { To = [Samples.Faction, Samples.Clerk, Samples.Member] };

        await sender.SendAsync(decided, "instance-1:7", CancellationToken.None);

        Assert.Equal(3, transport.Sent);
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

    private sealed class MeetingTransport(int expected) : IEmailTransport
    {
        private readonly TaskCompletionSource _allUnderWay = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _underWay;
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _underWay) == expected)
            {
                _allUnderWay.SetResult();
            }
            await _allUnderWay.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            Interlocked.Increment(ref _sent);
        }
    }
}
