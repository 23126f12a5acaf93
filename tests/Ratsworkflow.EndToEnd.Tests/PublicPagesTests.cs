using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ratsworkflow.EndToEnd.Tests.Harness;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests;

/// <summary>
/// The app with one motion that went the real way: submitted through the API, confirmed from the faction's mail,
/// registered by the workflow, scheduled by a clerk. Its own app, so no other browser test sees the motion.
/// </summary>
public sealed partial class PublicPagesFixture : AppFixture, IAsyncLifetime
{
    public const string Title = "Trinkbrunnen in der Innenstadt";

    public string MotionId { get; private set; } = "";

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var submitted = await Http.PostAsJsonAsync("/api/motions", new
        {
            factionId = "gruene",
            submitterName = "Erika Privatperson",
            submitterEmail = "erika.privatperson@example.org",
            title = Title,
            resolutionText = "Die Verwaltung wird beauftragt, fünf Trinkbrunnen aufzustellen.",
            justification = "Im Sommer wird es heiß.",
            beiratReview = false,
            consultations = new[] { "ausschuss-soziales" },
        });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        MotionId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("motionId").GetString()!;
        var mails = await Mail.WaitForAsync(all => all.Any(m => m.IsTo("gruene-fraktion@example.org") && (m.Text ?? "").Contains("/bestaetigen/", StringComparison.Ordinal)));
        var link = Link().Matches(mails.Last(m => m.IsTo("gruene-fraktion@example.org")).Text!).Select(m => m.Value).First(l => l.Contains("/bestaetigen/", StringComparison.Ordinal));
        var confirmed = await Http.PostAsJsonAsync($"/api/motions/{MotionId}/confirm", new { token = link.TrimEnd('/', '.', ')').Split('/')[^1] });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await UntilAsync(async () => (await Http.GetAsync($"/antraege/{MotionId}")).StatusCode == HttpStatusCode.OK, () => "The motion was not registered.");
        // The workflow takes the motion into the consultations a moment after registering it.
        var answer = "";
        await UntilAsync(async () =>
        {
            using var schedule = new HttpRequestMessage(HttpMethod.Post, $"/api/motions/{MotionId}/schedule")
            {
                Content = JsonContent.Create(new { organizationId = "ausschuss-soziales", meetingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)) }),
            };
            schedule.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ClerkApiToken);
            using var response = await Http.SendAsync(schedule);
            answer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            return response.IsSuccessStatusCode;
        }, () => "The meeting could not be scheduled: " + answer);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, Func<string> failure)
    {
        for (var until = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < until; await Task.Delay(200))
        {
            if (await condition())
            {
                return;
            }
        }
        throw new TimeoutException(failure());
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}

[CollectionDefinition(Name)]
public sealed class PublicPagesCollection : ICollectionFixture<PublicPagesFixture>
{
    public const string Name = "Public pages";
}

[Collection(PublicPagesCollection.Name)]
public sealed class PublicPagesTests(PublicPagesFixture app)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task List_EachScreenSize_PassesAxeAndFitsTheWidth(string screen)
    {
        await using var tab = await app.OpenAsync("/antraege", Viewport.ByName(screen));

        Assert.Equal("Anträge an den Rat", await tab.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await tab.Page.GetByRole(AriaRole.Link, new() { Name = PublicPagesFixture.Title }).CountAsync());
        await tab.Page.AssertAccessibleAsync();
        await tab.Page.AssertNoSidewaysScrollingAsync();
        await tab.Page.SaveScreenshotAsync("antraege-" + screen);
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task Motion_EachScreenSize_PassesAxeAndShowsNoSubmitter(string screen)
    {
        await using var tab = await app.OpenAsync($"/antraege/{app.MotionId}", Viewport.ByName(screen));

        Assert.Equal(PublicPagesFixture.Title, await tab.Page.Locator("h1").InnerTextAsync());
        var main = await tab.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Ausschuss für Soziales, Integration und Gleichstellung", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Privatperson", await tab.Page.ContentAsync(), StringComparison.Ordinal);
        await tab.Page.AssertAccessibleAsync();
        await tab.Page.AssertNoSidewaysScrollingAsync();
        await tab.Page.SaveScreenshotAsync("antrag-" + screen);
    }

    [Fact]
    public async Task List_FilterWithoutJavaScript_FindsTheMotionAndExplainsABadStage()
    {
        await using var tab = await app.OpenAsync("/antraege", javaScript: false);
        var page = tab.Page;

        await page.GetByLabel("Suche").FillAsync("Trinkbrunnen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anträge anzeigen" }).ClickAsync();

        Assert.Contains("Suche=Trinkbrunnen", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = PublicPagesFixture.Title }).CountAsync());
        await page.GotoAsync("/antraege?Phase=Unsinn");
        Assert.Contains("Wählen Sie eine Phase aus der Liste.", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
    }
}
