using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Email;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Email;

public sealed class SendGridEmailTransportTests
{
    private static readonly EmailMessage Message = new(
        [new Mailbox("fraktion@example.org", "Grüne Fraktion"), new Mailbox("zweite@example.org")],
        "[A/2026/0042] Antrag registriert: Mehr Radwege", "<p>Hallo &amp; willkommen</p>", "Hallo & willkommen", "instance-1:3|FRAKTION@EXAMPLE.ORG");

    [Fact]
    public async Task SendAsync_Message_PostsV3MailSendWithBearerKeyAndContentInOrder()
    {
        using var api = new FakeSendGridApi();

        await Transport(api.BaseUrl).SendAsync(Message, CancellationToken.None);

        var request = Assert.Single(api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer SG.test-key", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var to = root.GetProperty("personalizations")[0].GetProperty("to");
        Assert.Equal(["fraktion@example.org", "zweite@example.org"], to.EnumerateArray().Select(t => t.GetProperty("email").GetString()));
        Assert.Equal("Grüne Fraktion", to[0].GetProperty("name").GetString());
        Assert.Equal("ratsbuero@example.org", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Ratsbüro", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(Message.Subject, root.GetProperty("subject").GetString());
        var content = root.GetProperty("content");
        Assert.Equal(2, content.GetArrayLength());
        Assert.Equal("text/plain", content[0].GetProperty("type").GetString());
        Assert.Equal(Message.TextBody, content[0].GetProperty("value").GetString());
        Assert.Equal("text/html", content[1].GetProperty("type").GetString());
        Assert.Equal(Message.HtmlBody, content[1].GetProperty("value").GetString());
    }

    [Fact]
    public async Task SendAsync_Message_CarriesIdempotencyKeyAndDisablesTracking()
    {
        using var api = new FakeSendGridApi();

        await Transport(api.BaseUrl).SendAsync(Message, CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(api.Requests).Body);
        var root = json.RootElement;
        Assert.Equal(Message.IdempotencyKey, root.GetProperty("custom_args").GetProperty("idempotency_key").GetString());
        Assert.Equal(Message.IdempotencyKey, root.GetProperty("headers").GetProperty("X-Ratsworkflow-Idempotency-Key").GetString());
        Assert.Equal("auto-generated", root.GetProperty("headers").GetProperty("Auto-Submitted").GetString());
        var tracking = root.GetProperty("tracking_settings");
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("open_tracking").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_ApiRefuses_ThrowsWithStatusAndReason()
    {
        using var api = new FakeSendGridApi(HttpStatusCode.BadRequest, """{"errors":[{"message":"The from address does not match a verified Sender Identity."}]}""");

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Transport(api.BaseUrl).SendAsync(Message, CancellationToken.None));

        Assert.Contains("400", error.Message);
        Assert.Contains("verified Sender Identity", error.Message);
    }

    [Fact]
    public async Task SendAsync_ApiUnreachable_ThrowsDeliveryException()
    {
        var nobody = $"http://127.0.0.1:{Ratsworkflow.Testing.ChildProcess.FreeTcpPort()}";

        await Assert.ThrowsAsync<EmailDeliveryException>(() => Transport(nobody).SendAsync(Message, CancellationToken.None));
    }

    private static SendGridEmailTransport Transport(string baseUrl)
    {
        var options = new EmailOptions { Provider = EmailProvider.SendGrid, SendGrid = { ApiKey = "SG.test-key", BaseUrl = baseUrl } };
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new SendGridEmailTransport(Options.Create(options), http, NullLogger<SendGridEmailTransport>.Instance);
    }
}
