using System.Text.Json;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>
/// The one reader of maildev per test: every ~300 ms it fetches only the mails it has not seen (<c>GET /email?skip=n</c>)
/// and hands them to the waiters of their motion. A hundred motions polling maildev each would slow it to a crawl.
/// </summary>
public sealed class MailFeed : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly List<Mail> _all = [];
    private readonly Dictionary<string, List<Mail>> _byMotion = [];
    private readonly List<Waiter> _waiters = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MailFeed(MailDev mailDev)
    {
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{mailDev.WebPort}/"), Timeout = TimeSpan.FromSeconds(30) };
        _loop = Task.Run(PollAsync);
    }

    /// <summary>Every mail received so far.</summary>
    public IReadOnlyList<Mail> All
    {
        get { lock (_gate) { return [.. _all]; } }
    }

    /// <summary>Waits until the motion's mails give <paramref name="select"/> a non-null answer.</summary>
    public Task<T> WaitAsync<T>(string motionId, Func<IReadOnlyList<Mail>, T?> select, TimeSpan timeout, string what) where T : class
    {
        var waiter = new Waiter(motionId, mails => select(mails), what);
        lock (_gate)
        {
            if (!waiter.TryComplete(Mails(motionId)))
            {
                _waiters.Add(waiter);
            }
        }
        return Typed<T>(waiter, timeout);
    }

    /// <summary>Waits until every mail sent so far has arrived: nothing new for a few polls in a row.</summary>
    public async Task<IReadOnlyList<Mail>> SettledAsync()
    {
        var count = -1;
        var quiet = 0;
        while (quiet < 10)
        {
            await Task.Delay(300);
            var now = All.Count;
            quiet = now == count ? quiet + 1 : 0;
            count = now;
        }
        return All;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _http.Dispose();
        _stop.Dispose();
    }

    private static async Task<T> Typed<T>(Waiter waiter, TimeSpan timeout)
    {
        try
        {
            return (T)await waiter.Done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No mail for motion {waiter.MotionId}: {waiter.What} within {timeout}.");
        }
    }

    private List<Mail> Mails(string motionId)
    {
        if (!_byMotion.TryGetValue(motionId, out var mails))
        {
            _byMotion[motionId] = mails = [];
        }
        return mails;
    }

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var skip = All.Count;
                using var json = JsonDocument.Parse(await _http.GetStringAsync($"email?skip={skip}", _stop.Token));
                var fresh = json.RootElement.EnumerateArray().Select(Mail.Parse).ToList();
                lock (_gate)
                {
                    _all.AddRange(fresh);
                    foreach (var mail in fresh)
                    {
                        Mails(mail.MotionId).Add(mail);
                    }
                    foreach (var motion in fresh.Select(m => m.MotionId).Distinct())
                    {
                        _waiters.RemoveAll(w => w.MotionId == motion && w.TryComplete(Mails(motion)));
                    }
                }
            }
            catch (HttpRequestException)
            {
                // maildev busy for a moment; the next poll catches up.
            }
            await Task.Delay(300, _stop.Token);
        }
    }

    private sealed class Waiter(string motionId, Func<IReadOnlyList<Mail>, object?> select, string what)
    {
        public string MotionId => motionId;
        public string What => what;
        public TaskCompletionSource<object> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryComplete(List<Mail> mails)
        {
            if (select(mails) is { } found)
            {
                Done.TrySetResult(found);
                return true;
            }
            return false;
        }
    }
}
