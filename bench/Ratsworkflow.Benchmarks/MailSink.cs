using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ratsworkflow.Benchmarks;

/// <summary>One mail as the app handed it to its transport, with the moment the sink received it.</summary>
/// <param name="Step">The workflow step (task id) that sent it: the Beirat result's faction mail and the registration's share a kind.</param>
internal sealed record SinkMail(long ReceivedTicks, string MotionId, string Step, string Kind, string To, string Subject, string? Token);

/// <summary>
/// Stands in for SendGrid's v3 mail API (<c>POST /v3/mail/send</c>): the app runs its real SendGrid transport with
/// <c>Email__SendGrid__BaseUrl</c> pointing here, so nothing in the app changes for the benchmark. Each mail is keyed
/// by its idempotency key (instance id = motion id, then the activity's kind), and the token of its link is kept,
/// so the benchmark can confirm and vote like a person who clicked. maildev was measured as the alternative
/// (see docs/benchmarks.md): a new SMTP connection per mail and a growing in-memory list make it the bottleneck.
/// </summary>
internal sealed partial class MailSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, MotionMail> _motions = [];
    private readonly Lock _gate = new();
    private long _count;

    private MailSink(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public long Count => Interlocked.Read(ref _count);

    public static async Task<MailSink> StartAsync()
    {
        var port = Ratsworkflow.Testing.ChildProcess.FreeTcpPort();
        // Content root = the benchmark's bin folder: the default (the working directory, the repository root) makes
        // the config file watcher walk node_modules and artifacts, which took ~14 s of the quick mode's 60.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new MailSink(app, port);
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            sink.Receive(json.RootElement);
            return Results.Accepted();
        });
        await app.StartAsync();
        return sink;
    }

    /// <summary>Forgets every mail (between scenarios), so memory stays flat over long runs.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _motions.Clear();
        }
    }

    /// <summary>Waits until the motion has mails matching <paramref name="predicate"/>, at least <paramref name="count"/> of them.</summary>
    public Task<IReadOnlyList<SinkMail>> WaitAsync(string motionId, Func<SinkMail, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        var waiter = new Waiter(predicate, count);
        lock (_gate)
        {
            var motion = Motion(motionId);
            if (waiter.TryComplete(motion.Mails))
            {
                return waiter.Done.Task;
            }
            motion.Waiters.Add(waiter);
        }
        return waiter.Done.Task.WaitAsync(timeout ?? TimeSpan.FromMinutes(5));
    }

    /// <summary>Drops one motion's mails once the benchmark no longer needs them.</summary>
    public void Forget(string motionId)
    {
        lock (_gate)
        {
            if (_motions.TryGetValue(motionId, out var motion) && motion.Waiters.Count == 0)
            {
                _motions.Remove(motionId);
            }
        }
    }

    public IReadOnlyList<SinkMail> MailsOf(string motionId)
    {
        lock (_gate)
        {
            return [.. Motion(motionId).Mails];
        }
    }

    private void Receive(JsonElement root)
    {
        var now = Stopwatch.GetTimestamp();
        var key = root.TryGetProperty("custom_args", out var args) && args.TryGetProperty("idempotency_key", out var k) ? k.GetString() ?? "" : "";
        var to = root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString() ?? "";
        var subject = root.TryGetProperty("subject", out var s) ? s.GetString() ?? "" : "";
        var text = root.TryGetProperty("content", out var content)
            ? string.Concat(content.EnumerateArray().Select(c => c.GetProperty("value").GetString()))
            : "";
        var (motionId, step, kind) = ParseKey(key);
        var token = TokenLink().Match(text) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[2].Value) : null;
        var mail = new SinkMail(now, motionId, step, kind, to, subject, token);
        Interlocked.Increment(ref _count);
        lock (_gate)
        {
            var motion = Motion(motionId);
            motion.Mails.Add(mail);
            motion.Waiters.RemoveAll(w => w.TryComplete(motion.Mails));
        }
    }

    /// <summary>"confirm:{motion}|ADDR" or "{motion}:{execution}:{task}:{kind}|ADDR".</summary>
    internal static (string MotionId, string Step, string Kind) ParseKey(string key)
    {
        var left = key.Split('|')[0];
        if (left.StartsWith("confirm:", StringComparison.Ordinal))
        {
            return (left["confirm:".Length..], "", "confirm");
        }
        var parts = left.Split(':');
        return parts.Length >= 4 ? (parts[0], parts[^2], parts[^1]) : (left, "", "");
    }

    private MotionMail Motion(string motionId)
    {
        if (!_motions.TryGetValue(motionId, out var motion))
        {
            _motions[motionId] = motion = new MotionMail();
        }
        return motion;
    }

    [GeneratedRegex(@"/(bestaetigen|votum)/([A-Za-z0-9_\-\.~%]+)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenLink();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class MotionMail
    {
        public List<SinkMail> Mails { get; } = [];
        public List<Waiter> Waiters { get; } = [];
    }

    private sealed class Waiter(Func<SinkMail, bool> predicate, int count)
    {
        public TaskCompletionSource<IReadOnlyList<SinkMail>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TryComplete(List<SinkMail> mails)
        {
            var matching = mails.Where(predicate).ToList();
            if (matching.Count < count)
            {
                return false;
            }
            Done.TrySetResult(matching);
            return true;
        }
    }
}
