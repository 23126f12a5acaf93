using Azure.Core;

namespace Ratsworkflow.Functions.Storage;

/// <summary>
/// The retry of the app's storage clients. The SDK's default (3 retries, exponential from 0.8 s, 100 s timeout per try)
/// keeps a request hanging for many seconds when storage is down; a person at the form or a script behind the API is
/// better served by a quick 503 with Retry-After (<see cref="StorageOutage"/>). Background work (activities, the engine)
/// loses nothing by it: the engine retries activities itself and has its own clients.
/// </summary>
internal static class InteractiveRetry
{
    public static T Apply<T>(T options) where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
