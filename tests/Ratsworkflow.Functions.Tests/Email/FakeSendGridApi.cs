using System.Net;
using System.Text;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Functions.Tests.Email;

/// <summary>A local HTTP endpoint standing in for api.sendgrid.com: records each request and answers as told.</summary>
internal sealed class FakeSendGridApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeSendGridApi(HttpStatusCode status = HttpStatusCode.Accepted, string responseBody = "")
    {
        var port = ChildProcess.FreeTcpPort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(status, responseBody));
    }

    public string BaseUrl { get; }
    public List<RecordedRequest> Requests { get; } = [];

    private async Task ServeAsync(HttpStatusCode status, string responseBody)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                    context.Request.Headers["Authorization"], context.Request.ContentType, body));
            }
            context.Response.StatusCode = (int)status;
            context.Response.Headers["X-Message-Id"] = "fake-message-id";
            var bytes = Encoding.UTF8.GetBytes(responseBody);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, string Body);
