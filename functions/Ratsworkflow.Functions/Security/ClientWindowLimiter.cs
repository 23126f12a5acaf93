using System.Threading.RateLimiting;

namespace Ratsworkflow.Functions.Security;

/// <summary>
/// A fixed window of <c>permitLimit</c> requests per client, starting with the client's first request. Unlike the
/// framework's FixedWindowRateLimiter, whose retry-after is always the whole window ("in 3600 Sekunden" a minute
/// before the window ends), a refusal says how much of the window is really left.
/// </summary>
internal sealed class ClientWindowLimiter(int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _used;

    /// <summary>Idle once its window is over: the partitioned limiter may then drop it (the next request starts afresh).</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var over = clock.GetUtcNow() - WindowEnd;
                return over > TimeSpan.Zero ? over : null;
            }
        }
    }

    private DateTimeOffset WindowEnd => _windowStart == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : _windowStart + window;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = clock.GetUtcNow() >= WindowEnd ? permitLimit : permitLimit - _used };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now >= WindowEnd)
            {
                _windowStart = now;
                _used = 0;
            }
            if (_used + permitCount > permitLimit)
            {
                return new Lease(false, WindowEnd - now);
            }
            _used += permitCount;
            return new Lease(true, null);
        }
    }

    /// <summary>No queue: a request over the limit is refused at once.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
