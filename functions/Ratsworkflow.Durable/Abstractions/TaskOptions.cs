namespace Ratsworkflow.Durable;

public sealed record TaskOptions(RetryPolicy? Retry = null)
{
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

/// <summary>Retries run inside the orchestrator with durable timers between attempts, so they survive restarts.</summary>
public sealed record RetryPolicy(int MaxNumberOfAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient = 1.0, TimeSpan? MaxRetryInterval = null)
{
    public TimeSpan DelayBefore(int attempt)
    {
        var delay = FirstRetryInterval * Math.Pow(BackoffCoefficient, attempt - 2);
        return MaxRetryInterval is { } max && delay > max ? max : delay;
    }
}
