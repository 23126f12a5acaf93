namespace Ratsworkflow.Functions.Email;

/// <summary>
/// Sends each <see cref="EmailMessage.IdempotencyKey"/> once, even when its activity runs twice (docs/design.md §2):
/// claim the key in the ledger → send → record it as sent.
/// <para>
/// The crash window. No mail protocol lets a send and a table write commit together, so one window stays: the
/// process dies after the provider took the mail and before the ledger says <c>Sent</c>. We choose
/// <b>at least once</b> there: after <see cref="EmailOptions.IdempotencyOptions.ClaimTimeout"/> the next attempt
/// takes the claim over and sends again. A lost vote link or confirmation request costs a motion its deadline; a
/// duplicate costs a reader a second look, and it carries the same Message-ID (SMTP) or custom arg (SendGrid), so
/// clients can fold it and operators can trace it.
/// </para>
/// <para>
/// Everything else is exactly once: a second attempt that finds a fresh claim waits for it instead of sending beside
/// it (two workers running one activity at the same time); a failed send gives its claim back so the retry sends at
/// once; a ledger write that fails after the send is logged, not thrown, because throwing would make the retry send
/// again. When the ledger cannot be read before sending, nothing is sent and the error goes to the activity, which
/// retries: a late mail is better than one the ledger does not know about.
/// </para>
/// </summary>
public sealed class IdempotentEmailTransport : IEmailTransport
{
    private readonly IEmailTransport _inner;
    private readonly EmailLedger _ledger;
    private readonly TimeSpan _claimTimeout;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal IdempotentEmailTransport(
        IEmailTransport inner, EmailLedger ledger, TimeSpan claimTimeout, TimeProvider time, ILogger<IdempotentEmailTransport> logger)
    {
        _inner = inner;
        _ledger = ledger;
        _claimTimeout = claimTimeout;
        // Poll often enough that a waiting attempt finishes soon after the one it waits for.
        _pollInterval = TimeSpan.FromTicks(Math.Clamp(claimTimeout.Ticks / 20, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
        _time = time;
        _logger = logger;
    }

    /// <summary>The provider behind the ledger (tests and benchmarks read the <see cref="NullEmailTransport"/> count).</summary>
    public IEmailTransport Inner => _inner;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(message.IdempotencyKey, cancellationToken);
        if (claim is null)
        {
            _logger.LogInformation("Mail {IdempotencyKey} was sent before; not sending it again",
                Privacy.Redaction.Addresses(message.IdempotencyKey));
            return;
        }
        try
        {
            await _inner.SendAsync(message, cancellationToken);
        }
        catch
        {
            await ReleaseAsync(claim);
            throw;
        }
        try
        {
            await _ledger.MarkSentAsync(claim, message, _time.GetUtcNow());
        }
        catch (Exception e)
        {
            // Whatever failed (storage down, network), the mail is out: reporting success is what prevents a resend.
            _logger.LogError(e, "Mail {IdempotencyKey} was sent but not recorded; a rerun after the claim timeout would send it again",
                Privacy.Redaction.Addresses(message.IdempotencyKey));
        }
    }

    /// <summary>A release that fails only delays the retry until the claim times out; the send's error matters more.</summary>
    private async Task ReleaseAsync(LedgerRow claim)
    {
        try
        {
            await _ledger.ReleaseAsync(claim);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Mail {IdempotencyKey}: could not release the claim after a failed send", claim.Key);
        }
    }

    /// <summary>Our claim on the key, or null when it has been sent already.</summary>
    private async Task<LedgerRow?> ClaimAsync(string key, CancellationToken cancellationToken)
    {
        // Insert first: almost every key is new, so the common case costs one request and only a conflict reads. A
        // waiting attempt reads only, until the row it waits for is gone (released after a failed send).
        var insert = true;
        while (true)
        {
            var now = _time.GetUtcNow();
            if (insert && await _ledger.TryClaimAsync(key, now, cancellationToken) is { } fresh)
            {
                return fresh;
            }
            var row = await _ledger.FindAsync(key, cancellationToken);
            insert = row is null;
            if (row is null)
            {
                continue;
            }
            else if (row.IsSent)
            {
                return null;
            }
            else if (now - row.ClaimedAt >= _claimTimeout)
            {
                var abandonedAt = row.ClaimedAt;
                if (await _ledger.TryTakeOverAsync(row, now, cancellationToken) is { } claim)
                {
                    _logger.LogWarning("Mail {IdempotencyKey}: the attempt that claimed it at {ClaimedAt} never finished; sending again",
                        Privacy.Redaction.Addresses(key), abandonedAt);
                    return claim;
                }
            }
            else
            {
                // Another attempt is sending right now: its outcome decides whether we have anything left to do. The
                // pause is real time (that attempt runs on the wall clock); the claim's age above is judged on the clock
                // the app runs on, so a test's frozen clock cannot stall this loop.
                await Task.Delay(_pollInterval, cancellationToken);
            }
        }
    }
}
