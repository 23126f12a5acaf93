using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Ratsworkflow.Testing;

/// <summary>A real maildev (npm) SMTP server on free ports, read through its REST API.</summary>
public sealed class MailDev : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private MailDev(ChildProcess process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    public static async Task<MailDev> StartAsync()
    {
        var smtp = ChildProcess.FreeTcpPort();
        var web = ChildProcess.FreeTcpPort();
        var process = ChildProcess.Start(RepositoryPaths.NodeBin("maildev"),
            ["--smtp", smtp.ToString(), "--web", web.ToString(), "--ip", "127.0.0.1", "--silent"]);
        await ChildProcess.WaitForPortAsync(smtp, TimeSpan.FromSeconds(180), process);
        await ChildProcess.WaitForPortAsync(web, TimeSpan.FromSeconds(180), process);
        return new MailDev(process, smtp, web);
    }

    public async Task<IReadOnlyList<ReceivedMail>> GetAllAsync() =>
        await _http.GetFromJsonAsync<List<ReceivedMail>>("email") ?? [];

    /// <summary>Polls until <paramref name="predicate"/> holds for the received mails (real time, small steps).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<IReadOnlyList<ReceivedMail>, bool> predicate, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var mails = await GetAllAsync();
            if (predicate(mails))
            {
                return mails;
            }
            if (DateTime.UtcNow > until)
            {
                var seen = string.Join("\n", mails.Select(m => $"{string.Join(",", m.To.Select(t => t.Address))}: {m.Subject}"));
                throw new TimeoutException("Expected mail did not arrive. Received:\n" + seen);
            }
            await Task.Delay(100);
        }
    }

    public async Task ClearAsync() => (await _http.DeleteAsync("email/all")).EnsureSuccessStatusCode();

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed record ReceivedMail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("to")] List<MailAddress> To,
    [property: JsonPropertyName("from")] List<MailAddress> From,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("headers")] Dictionary<string, object>? Headers)
{
    public bool IsTo(string address) => To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase));
}

public sealed record MailAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("name")] string? Name);
