using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ratsworkflow.Benchmarks;

/// <summary>The JSON API of docs/design.md §4, as a faction, a Beirat member and a clerk call it.</summary>
internal sealed class Api : IDisposable
{
    private static readonly string[] Committee = ["ausschuss-soziales"];
    private readonly HttpClient _http;
    private long _motionReads;
    private long _accepted;
    private long _unavailable;
    private const int MaxAttempts = 10;

    public Api(string baseUrl)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>How often the benchmark read a motion (each is one storage query the app makes for the benchmark).</summary>
    public long MotionReads => Interlocked.Read(ref _motionReads);

    /// <summary>Commands answered 202: the workflow had not acknowledged them within Workflow:CommandWait.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Calls answered 503 (storage did not answer the app in time) and sent again after Retry-After.</summary>
    public long Unavailable => Interlocked.Read(ref _unavailable);

    public static DateOnly TodayInBerlin() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    public async Task<string> SubmitAsync(string title, bool beiratReview = true)
    {
        var body = await SendAsync(HttpMethod.Post, "/api/motions", new
        {
            factionId = "gruene",
            submitterName = "Maria Beispiel",
            submitterEmail = "maria.beispiel@example.org",
            title,
            resolutionText = "Die Verwaltung wird beauftragt, ein Integrationskonzept zu entwickeln und dem Rat vorzulegen.",
            justification = "Integration ist eine Querschnittsaufgabe; ein Konzept bündelt die Maßnahmen der Stadt.",
            beiratReview,
            consultations = Committee,
        }, clerk: false, HttpStatusCode.Accepted);
        return body.Json.GetProperty("motionId").GetString()!;
    }

    public Task<Timed> ConfirmAsync(string motionId, string token) =>
        SendAsync(HttpMethod.Post, $"/api/motions/{motionId}/confirm", new { token }, clerk: false, HttpStatusCode.OK);

    public Task<Timed> VoteAsync(string token, string choice) =>
        SendAsync(HttpMethod.Post, $"/api/votes/{token}", new { choice }, clerk: false, HttpStatusCode.OK);

    public Task<Timed> ScheduleAsync(string motionId, string organizationId, DateOnly date) =>
        ClerkAsync($"/api/motions/{motionId}/schedule", new { organizationId, meetingDate = date });

    public Task<Timed> ResultAsync(string motionId, string organizationId, string outcome) =>
        ClerkAsync($"/api/motions/{motionId}/result", new { organizationId, outcome, votes = new { yes = 9, no = 3, abstain = 1 } });

    /// <summary>A clerk's command; a 409 right after an earlier command was answered 202 (not applied yet) is tried again.</summary>
    private async Task<Timed> ClerkAsync(string path, object body)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return await SendAsync(HttpMethod.Post, path, body, clerk: true, HttpStatusCode.OK);
            }
            catch (InvalidOperationException e) when (e.Message.Contains("answered 409", StringComparison.Ordinal) && Accepted > 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(250);
            }
        }
    }

    public async Task<string> StageAsync(string motionId)
    {
        Interlocked.Increment(ref _motionReads);
        var body = await SendAsync(HttpMethod.Get, $"/api/motions/{motionId}", null, clerk: true, HttpStatusCode.OK);
        return body.Json.GetProperty("stage").GetString()!;
    }

    /// <summary>
    /// Polls the motion, 50 ms apart at first and up to 500 ms as the wait grows: with 100 motions in flight a fixed
    /// 50 ms made the benchmark's own reads (each a partition query, which Azurite answers by scanning the table) the
    /// largest load on Azurite.
    /// </summary>
    public async Task WaitForStageAsync(string motionId, string stage, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(5));
        var pause = 50.0;
        while (await StageAsync(motionId) != stage)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Motion {motionId} did not reach {stage}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(pause));
            pause = Math.Min(pause * 1.5, 500);
        }
    }

    /// <summary>One dashboard page; returns the item count.</summary>
    public async Task<(int Items, double Ms)> ListAsync(string query)
    {
        var timed = await SendAsync(HttpMethod.Get, "/api/motions" + query, null, clerk: true, HttpStatusCode.OK);
        return (timed.Json.GetProperty("items").GetArrayLength(), timed.Ms);
    }

    /// <summary>One page of the clerks' HTML dashboard (<c>/ratsbuero</c>, with its counts per stage); returns the rows listed.</summary>
    public async Task<(int Rows, double Ms)> DashboardPageAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ratsbuero" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AppUnderTest.ClerkToken);
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /ratsbuero{query} answered {(int)response.StatusCode}.");
        }
        var body = html.IndexOf("<tbody", StringComparison.Ordinal);
        var rows = body < 0 ? 0 : System.Text.RegularExpressions.Regex.Count(html[body..], "<tr[ >]");
        return (rows, elapsed.TotalMilliseconds);
    }

    public async Task<bool> HealthyAsync()
    {
        using var response = await _http.GetAsync("/api/health");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>
    /// One call as a well-behaved client makes it: a 503 (storage did not answer in time) is sent again after its
    /// Retry-After, and counted; the latency runs from the first attempt. A 409 to a command sent again means the
    /// first attempt went through after all (the app answered 503 while waiting for the acknowledgement).
    /// </summary>
    private async Task<Timed> SendAsync(HttpMethod method, string path, object? body, bool clerk, HttpStatusCode expected)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }
            if (clerk)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AppUnderTest.ClerkToken);
            }
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _unavailable);
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(10));
                continue;
            }
            if (response.StatusCode == HttpStatusCode.Accepted && expected == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _accepted);
            }
            else if (response.StatusCode != expected && !(response.StatusCode == HttpStatusCode.Conflict && attempt > 1 && method == HttpMethod.Post))
            {
                throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
            }
            using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            return new Timed(json.RootElement.Clone(), elapsed.TotalMilliseconds, started, Stopwatch.GetTimestamp());
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An API answer with its latency and when the request was sent/answered (Stopwatch ticks).</summary>
internal sealed record Timed(JsonElement Json, double Ms, long SentTicks, long AnsweredTicks);
