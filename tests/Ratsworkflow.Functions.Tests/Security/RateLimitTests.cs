using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Security;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task TokenPolicy_LimitExceeded_Is429WithRetryAfterAndGermanProblem()
    {
        await using var app = await StartAsync();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await GetAsync(app, SecurityTestApp.TokenApi);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await GetAsync(app, SecurityTestApp.TokenApi);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Zu viele Anfragen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(((int)retryAfter.Value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenPolicy_Exhausted_LeavesOtherPoliciesAndOtherClientsTheirOwnBudget()
    {
        await using var app = await StartAsync();
        for (var i = 0; i < 4; i++)
        {
            using var _ = await GetAsync(app, SecurityTestApp.TokenApi);
        }

        using var submission = await GetAsync(app, SecurityTestApp.SubmissionApi);
        // X-Forwarded-For is honoured from a loopback proxy only, as the Functions host or a local nginx would be.
        using var otherClient = await GetAsync(app, SecurityTestApp.TokenApi, forwardedFor: "203.0.113.7");
        using var sameClient = await GetAsync(app, SecurityTestApp.TokenApi);

        Assert.Equal(HttpStatusCode.OK, submission.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameClient.StatusCode);
    }

    [Fact]
    public async Task SubmissionPolicy_BrowserPost_GermanPageWithTheRealWaitingTime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(clock);
        using var first = await PostFormAsync(app);

        clock.Advance(TimeSpan.FromMinutes(20));
        using var refused = await PostFormAsync(app);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Zu viele Anfragen", page, StringComparison.Ordinal);
        Assert.Contains("in 40 Minuten", page, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(40), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task SubmissionPolicy_ApiCall_RetryAfterIsWhatIsLeftOfTheWindow()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await StartAsync(clock);
        using var first = await GetAsync(app, SecurityTestApp.SubmissionApi);

        clock.Advance(TimeSpan.FromMinutes(59));
        using var refused = await GetAsync(app, SecurityTestApp.SubmissionApi);
        clock.Advance(TimeSpan.FromMinutes(1));
        using var nextWindow = await GetAsync(app, SecurityTestApp.SubmissionApi);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("60 Sekunden", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, nextWindow.StatusCode);
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:bbbb::2", "2001:db8:1:2::/64")]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1")]
    [InlineData("192.0.2.1", "192.0.2.1")]
    public void ClientKey_Address_CountsIPv6PerSlash64(string address, string key)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(key, RateLimitPolicies.ClientKey(context));
    }

    private static Task<SecurityTestApp> StartAsync(TimeProvider? clock = null) =>
        SecurityTestApp.StartAsync("Production", new Dictionary<string, string?>
        {
            ["RateLimits:Token:PermitLimit"] = "3",
            ["RateLimits:Token:Window"] = "00:05:00",
            ["RateLimits:Submission:PermitLimit"] = "1",
        }, clock);

    /// <summary>A form post as a browser sends it: it asks for HTML.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(SecurityTestApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SecurityTestApp.SubmissionPage) { Content = new FormUrlEncodedContent([new("title", "Antrag")]) };
        request.Headers.Add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return await app.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(SecurityTestApp app, string path, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await app.Client.SendAsync(request);
    }
}
