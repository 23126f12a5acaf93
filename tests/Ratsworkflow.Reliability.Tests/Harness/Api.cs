using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>
/// The JSON API (docs/design.md §4) as a careful client calls it: a call that gets no answer because the process died
/// (connection refused or reset) or that gets a 503 (storage down) is sent again until it is answered; every such
/// retry is counted. <paramref name="baseUrl"/> picks the process for each call (two processes share the work).
/// </summary>
public sealed class Api(Func<int, Uri> baseUrl, string clerkToken) : IDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(4);
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };
    private long _retries;
    private long _calls;

    /// <summary>Calls sent again because the first attempt got no answer or a 503.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>The 503 answers seen, for the outage test to inspect.</summary>
    public ConcurrentQueue<Unavailable> Unavailable { get; } = new();

    public static DateOnly TodayInBerlin() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    public Task<Answer> PostAsync(string path, object body, bool clerk = false) => SendAsync(HttpMethod.Post, path, body, clerk);

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null, clerk: true);

    public async Task<Answer> SendAsync(HttpMethod method, string path, object? body, bool clerk)
    {
        var call = Interlocked.Increment(ref _calls);
        var until = DateTime.UtcNow + GiveUpAfter;
        var retried = false;
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(baseUrl((int)call + attempt), path));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }
            if (clerk)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", clerkToken);
            }
            try
            {
                using var response = await _http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    using var json = JsonDocument.Parse(text.Length == 0 || text[0] is not ('{' or '[') ? "{}" : text);
                    return new Answer(response.StatusCode, json.RootElement.Clone(), retried, text);
                }
                Unavailable.Enqueue(Describe(path, response, text));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && DateTime.UtcNow < until)
            {
                // No answer: the process died or is starting again. The call may or may not have been applied.
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{method} {path} got no answer but 503 for {GiveUpAfter}.");
            }
            retried = true;
            Interlocked.Increment(ref _retries);
            await Task.Delay(250);
        }
    }

    public void Dispose() => _http.Dispose();

    private static Unavailable Describe(string path, HttpResponseMessage response, string text)
    {
        string? title = null, detail = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            title = json.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        }
        catch (JsonException)
        {
            // Not JSON: the assertion on the content type says so.
        }
        return new Unavailable(path, response.Content.Headers.ContentType?.MediaType, title, detail,
            response.Headers.RetryAfter?.ToString());
    }
}
