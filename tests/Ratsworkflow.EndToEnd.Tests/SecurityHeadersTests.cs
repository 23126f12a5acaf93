using System.Net;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppFixture app)
{
    private const string ExpectedPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    [Theory]
    [InlineData("/")]
    [InlineData("/impressum")]
    [InlineData("/api/health")]
    [InlineData("/css/site.css")]
    [InlineData("/gibt-es-nicht")]
    public async Task AnyResponse_Sent_CarriesSecurityHeaders(string path)
    {
        using var response = await app.Http.GetAsync(path);

        Assert.Equal(ExpectedPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/muster")]
    public async Task Page_LoadedInBrowser_ViolatesNoContentSecurityPolicy(string path)
    {
        await using var tab = await app.OpenAsync(path);
        await tab.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        Assert.Empty(tab.ConsoleErrors);
    }

    [Fact]
    public async Task Stylesheet_LinkedWithVersion_IsCachedForAYear()
    {
        var html = await app.Http.GetStringAsync("/");
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(href);

        using var response = await app.Http.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task StaticFile_WithoutVersion_IsCachedForAnHourOnly()
    {
        using var response = await app.Http.GetAsync("/img/wappen.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_IsRejectedWithGermanPage()
    {
        using var form = new FormUrlEncodedContent([new("Input.Title", "Ohne Token")]);

        using var response = await app.Http.PostAsync("/muster", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Das Formular konnte nicht verarbeitet werden", await response.Content.ReadAsStringAsync());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
