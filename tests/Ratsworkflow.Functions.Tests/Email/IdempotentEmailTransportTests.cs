using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Email;

/// <summary>The ledger against a real Azurite: each key is delivered once, whatever runs twice.</summary>
public sealed class IdempotentEmailTransportTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(5);
    private readonly EmailLedger _ledger = new(new TableServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("ledger"));

    [Fact]
    public async Task SendAsync_SameKeyTwice_DeliversOnce()
    {
        var inner = new RecordingTransport();
        var transport = Transport(inner);

        await transport.SendAsync(Mail("instance-1:4"), CancellationToken.None);
        await transport.SendAsync(Mail("instance-1:4"), CancellationToken.None);

        Assert.Single(inner.Delivered);
        Assert.True((await _ledger.FindAsync("instance-1:4", CancellationToken.None))!.IsSent);
    }

    [Fact]
    public async Task SendAsync_SameKeyFromTwoProcesses_DeliversOnce()
    {
        // Two workers with their own decorators, as after a lease expiry; the provider is slow, so they overlap.
        var inner = new RecordingTransport(delay: TimeSpan.FromMilliseconds(400));

        await Task.WhenAll(
            Transport(inner).SendAsync(Mail("instance-2:1"), CancellationToken.None),
            Transport(inner).SendAsync(Mail("instance-2:1"), CancellationToken.None));

        Assert.Single(inner.Delivered);
        Assert.Equal(1, inner.Attempts);
    }

    [Fact]
    public async Task SendAsync_DifferentKeys_DeliversEach()
    {
        var inner = new RecordingTransport();
        var transport = Transport(inner);

        await transport.SendAsync(Mail("instance-3:1|A@EXAMPLE.ORG"), CancellationToken.None);
        await transport.SendAsync(Mail("instance-3:1|B@EXAMPLE.ORG"), CancellationToken.None);

        Assert.Equal(2, inner.Delivered.Count);
    }

    [Fact]
    public async Task SendAsync_ProviderFailsOnce_RetrySendsAtOnce()
    {
        var inner = new RecordingTransport(failFirst: 1);
        var transport = Transport(inner, claimTimeout: TimeSpan.FromMinutes(10));

        await Assert.ThrowsAsync<EmailDeliveryException>(() => transport.SendAsync(Mail("instance-4:2"), CancellationToken.None));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await transport.SendAsync(Mail("instance-4:2"), timeout.Token);

        Assert.Single(inner.Delivered);
        Assert.Equal(2, inner.Attempts);
    }

    [Fact]
    public async Task SendAsync_ClaimOfCrashedAttempt_SendsAgainAfterClaimTimeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(await _ledger.TryClaimAsync("instance-5:3", time.GetUtcNow(), CancellationToken.None)); // then the process died
        time.Advance(ClaimTimeout);
        var inner = new RecordingTransport();

        await Transport(inner, time: time).SendAsync(Mail("instance-5:3"), CancellationToken.None);

        Assert.Single(inner.Delivered);
        Assert.True((await _ledger.FindAsync("instance-5:3", CancellationToken.None))!.IsSent);
    }

    /// <remarks>The frozen clock is how the workflow tests run the app: the wait must not depend on that clock moving.</remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_ClaimOfLiveAttempt_WaitsForItAndDoesNotSend(bool frozenClock)
    {
        var key = $"instance-6:{frozenClock}";
        TimeProvider time = frozenClock ? new FakeTimeProvider(DateTimeOffset.UtcNow) : TimeProvider.System;
        var claim = await _ledger.TryClaimAsync(key, time.GetUtcNow(), CancellationToken.None);
        var inner = new RecordingTransport();

        var waiting = Transport(inner, time: time).SendAsync(Mail(key), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await _ledger.MarkSentAsync(claim!, Mail(key), time.GetUtcNow()); // the other attempt finishes
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(inner.Delivered);
    }

    [Fact]
    public async Task SendAsync_NewKey_ClaimsByInsertWithoutReadingFirst()
    {
        var log = new TableRequestLog();
        var table = AzuriteFixture.UniqueName("ledger");
        var ledger = new EmailLedger(log.Client(azurite.ConnectionString), table);
        var transport = new IdempotentEmailTransport(new RecordingTransport(), ledger, ClaimTimeout, TimeProvider.System, NullLogger<IdempotentEmailTransport>.Instance);

        await transport.SendAsync(Mail("instance-8:1"), CancellationToken.None);

        // The claim's insert and the "sent" write: no read of the row before.
        Assert.Equal(["POST", "PUT"], log.To(table).Select(r => r.Split(' ')[0]));
    }

    [Fact]
    public async Task MarkSentAsync_Row_RecordsSubjectAndRecipientCountButNoAddress()
    {
        var transport = Transport(new RecordingTransport());

        await transport.SendAsync(Mail("instance-7:1|FRAKTION@EXAMPLE.ORG"), CancellationToken.None);

        var row = await _ledger.FindAsync("instance-7:1|FRAKTION@EXAMPLE.ORG", CancellationToken.None);
        Assert.StartsWith("instance-7:1|addr-", row!.Key, StringComparison.Ordinal);
        Assert.DoesNotContain("@", row.Key, StringComparison.Ordinal);
        Assert.Equal("Betreff", row.Subject);
        Assert.Equal(1, row.RecipientCount);
        Assert.NotNull(row.SentAt);
    }

    private IdempotentEmailTransport Transport(IEmailTransport inner, TimeSpan? claimTimeout = null, TimeProvider? time = null) =>
        new(inner, _ledger, claimTimeout ?? ClaimTimeout, time ?? TimeProvider.System, NullLogger<IdempotentEmailTransport>.Instance);

    private static EmailMessage Mail(string key) => new([Samples.Faction], "Betreff", "<p>Text</p>", "Text", key);
}
