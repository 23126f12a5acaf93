using System.Net;
using System.Text.RegularExpressions;
using Ratsworkflow.Functions.Tests.OParl;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Public;

[Collection(OpenDataCollection.Name)]
public sealed partial class PublicPagesTests(OpenDataApp app)
{
    [Fact]
    public async Task List_FirstPage_ShowsTheNewestTwentyPublicMotionsAndLinksTheNext()
    {
        var html = await GetAsync("/antraege");

        var references = References().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(app.Samples.Public.OrderByDescending(m => m.CreatedAt).Take(20).Select(m => m.Reference), references);
        Assert.DoesNotContain(SampleMotions.SecretTitle, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Privatperson", html, StringComparison.Ordinal);
        var next = NextLink().Match(html);
        Assert.True(next.Success, "no link to the next page");

        var second = await GetAsync(next.Groups[1].Value);
        Assert.Equal([app.Samples.Public[0].Reference], References().Matches(second).Select(m => m.Value));
        Assert.DoesNotContain(SampleMotions.SecretTitle2, second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_StageFilter_ShowsOnlyThatStage()
    {
        var html = await GetAsync("/antraege?Phase=Withdrawn");

        Assert.Equal([app.Samples.Withdrawn.Reference], References().Matches(html).Select(m => m.Value));
    }

    [Fact]
    public async Task List_Search_FindsByTitleWord()
    {
        var html = await GetAsync("/antraege?Suche=Willkommenslotsen");

        Assert.Equal([app.Samples.Decided.Reference], References().Matches(html).Select(m => m.Value));
    }

    [Fact]
    public async Task List_UnknownStage_ExplainsTheError()
    {
        var html = await GetAsync("/antraege?Phase=AwaitingConfirmation");

        Assert.Contains("Wählen Sie eine Phase aus der Liste.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Motion_Decided_ShowsTextsConsultationsAndCountsWithoutPersonalData()
    {
        var motion = app.Samples.Decided;

        var html = await GetAsync($"/antraege/{motion.MotionId}");

        Assert.Contains(motion.Title, html, StringComparison.Ordinal);
        Assert.Contains("zwei Willkommenslotsen einzustellen", html, StringComparison.Ordinal);
        Assert.Contains("Ursprünglicher Beschlussvorschlag", html, StringComparison.Ordinal);
        Assert.Contains("Der Rat hat entschieden:</strong> ungeändert beschlossen", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"table__number\">30</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Privatperson", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleMotions.SubmitterEmail, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Motion_BeiratVote_ShowsCountsOnly()
    {
        var html = await GetAsync($"/antraege/{app.Samples.BeiratPending.MotionId}");

        Assert.Contains("Die Abstimmung im Beirat läuft.", html, StringComparison.Ordinal);
        Assert.Contains("Abgestimmt haben 3 von 7", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aylin", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Motion_PostponedSession_StaysInTheBeratungsfolgeWithItsVotes()
    {
        var html = await GetAsync($"/antraege/{app.Samples.Scheduled.MotionId}");

        var rows = Rows().Matches(html).Select(m => Regex.Replace(m.Value, "<[^>]+>|\\s+", " ").Trim()).ToList();
        var postponed = rows.FindIndex(r => r.Contains("3. November 2026", StringComparison.Ordinal));
        Assert.True(postponed >= 0, string.Join("\n", rows));
        Assert.Contains("vertagt", rows[postponed], StringComparison.Ordinal);
        Assert.Contains("6 5 0", Regex.Replace(rows[postponed], " +", " "), StringComparison.Ordinal);
        Assert.Contains("1. Dezember 2026", rows[postponed + 1], StringComparison.Ordinal); // the next session follows it
    }

    [Fact]
    public async Task Motion_BeiratRecommends_SaysForWhat()
    {
        var html = await GetAsync($"/antraege/{app.Samples.Scheduled.MotionId}");

        Assert.Contains("Zustimmung empfohlen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Motion_WithAnlage_LinksItAndServesThePdfAsADownload()
    {
        var motion = app.Samples.Decided;
        var html = await GetAsync($"/antraege/{motion.MotionId}");

        using var download = await app.Client.GetAsync($"/antraege/{motion.MotionId}/anlagen/1");

        Assert.Contains($"href=\"/antraege/{motion.MotionId}/anlagen/1\"", html, StringComparison.Ordinal);
        Assert.Contains("Kostenplan.pdf", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("sandbox", string.Join(",", download.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(SampleMotions.AttachmentContent, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task Anlage_NotPublicOrNotThere_IsNotFound(bool unconfirmedMotion, int number)
    {
        var motion = unconfirmedMotion ? app.Samples.Hidden[0] : app.Samples.Decided;

        using var response = await app.Client.GetAsync($"/antraege/{motion.MotionId}/anlagen/{number}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Motion_Withdrawn_SaysSo()
    {
        var html = await GetAsync($"/antraege/{app.Samples.Withdrawn.MotionId}");

        Assert.Contains("Die Fraktion hat den Antrag zurückgezogen", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Motion_NotYetBinding_IsNotFound(int hidden)
    {
        using var response = await app.Client.GetAsync($"/antraege/{app.Samples.Hidden[hidden].MotionId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Entwurf", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> GetAsync(string path)
    {
        using var response = await app.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Razor writes umlauts as character references.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex(@"A/2026/\d{4}(?=</th>)")]
    private static partial Regex References();

    [GeneratedRegex(@"href=""([^""]*weiter=[^""]*)""")]
    private static partial Regex NextLink();
}
