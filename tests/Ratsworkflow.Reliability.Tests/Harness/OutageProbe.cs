using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>One answer the app gave while storage was down.</summary>
public sealed record ProbeAnswer(string Path, int Status, string? ContentType, string? Title, string? Detail, string? RetryAfter, TimeSpan Took);

/// <summary>
/// Asks the app once a second, without any retry, what a person or a script would ask during a storage outage: a
/// motion (API), a new submission (API) and a motion's public page, and keeps every answer.
/// </summary>
public sealed class OutageProbe(Uri baseUrl, string motionId) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public List<ProbeAnswer> Answers { get; } = [];

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await AskAsync(HttpMethod.Get, $"api/motions/{motionId}", null);
            await AskAsync(HttpMethod.Post, "api/motions", MotionJourney.Submission("Eingereicht während des Ausfalls", beiratReview: false));
            await AskAsync(HttpMethod.Get, $"antraege/{motionId}", null);
            try
            {
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task AskAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Stack.ClerkToken);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        }
        var started = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var (title, detail) = Problem(text);
            Answers.Add(new ProbeAnswer(method + " /" + path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                title, detail, response.Headers.RetryAfter?.ToString(), started.Elapsed));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Answers.Add(new ProbeAnswer(method + " /" + path, 0, null, null, e.Message, null, started.Elapsed));
        }
    }

    private static (string? Title, string? Detail) Problem(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return (json.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null,
                json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
