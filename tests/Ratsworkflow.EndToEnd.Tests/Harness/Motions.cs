using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>
/// Puts motions where a test needs them through the JSON API (quicker than the pages, which other tests cover) and
/// reads them back as a clerk would.
/// </summary>
public static class Motions
{
    /// <summary>The registered address of the sample SPD faction: its confirmation and status mails go here.</summary>
    public const string SpdMailbox = "spd-fraktion@example.org";

    public static readonly string[] Members =
        ["aylin.demir@example.org", "dimitrios.papadopoulos@example.org", "olena.kovalenko@example.org", "mehmet.yildiz@example.org"];

    /// <summary>A title no other test uses, so its mails and list rows are found unambiguously.</summary>
    public static string UniqueTitle(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Submits (as the SPD) and returns the motion id; nothing is confirmed yet.</summary>
    public static async Task<string> SubmitAsync(this AppFixture app, string title, bool beirat = false, params string[] committees)
    {
        using var response = await app.Http.PostAsJsonAsync("/api/motions", new
        {
            factionId = "spd",
            submitterName = "Anna Schmidt",
            submitterEmail = "anna.schmidt@example.org",
            title,
            resolutionText = "Die Verwaltung wird beauftragt,\nein Konzept vorzulegen.",
            justification = "Weil es nötig ist.",
            beiratReview = beirat,
            consultations = committees,
        });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("motionId").GetString()!;
    }

    /// <summary>Confirms with the token from the faction's mail (as the API would) and waits until it is registered.</summary>
    public static async Task ConfirmAsync(this AppFixture app, string motionId, string title)
    {
        var link = await app.Mail.LinkAsync(SpdMailbox, title, $"/antrag/{motionId}/bestaetigen/");
        using var response = await app.Http.PostAsJsonAsync($"/api/motions/{motionId}/confirm", new { token = Inbox.TokenOf(link) });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await app.WaitForStageAsync(motionId, "Registered", "BeiratReview", "Consultation");
    }

    /// <summary>A confirmed motion without Beirat, waiting for its first committee's meeting date.</summary>
    public static async Task<(string MotionId, JsonElement Motion)> InConsultationAsync(this AppFixture app, string title, string committee)
    {
        var motionId = await app.SubmitAsync(title, beirat: false, committee);
        await app.ConfirmAsync(motionId, title);
        return (motionId, await app.WaitForStageAsync(motionId, "Consultation"));
    }

    /// <summary>A confirmed motion in the Beirat's vote; returns it with <paramref name="member"/>'s vote link.</summary>
    public static async Task<(string MotionId, string VoteLink)> InBeiratAsync(this AppFixture app, string title, string member)
    {
        var motionId = await app.SubmitAsync(title, beirat: true);
        await app.ConfirmAsync(motionId, title);
        return (motionId, await app.Mail.LinkAsync(member, title, "/votum/"));
    }

    /// <summary>The motion as <c>GET /api/motions/{id}</c> shows it to a clerk.</summary>
    public static Task<JsonElement> GetMotionAsync(this AppFixture app, string motionId) => app.ClerkGetAsync($"/api/motions/{motionId}");

    /// <summary>How many motions titled <paramref name="title"/> the clerks' list of <paramref name="stage"/> shows (first 200).</summary>
    public static async Task<int> CountListedAsync(this AppFixture app, string title, string stage) =>
        (await app.ClerkGetAsync($"/api/motions?stage={stage}&pageSize=200")).GetProperty("items").EnumerateArray()
            .Count(i => i.GetProperty("title").GetString() == title);

    /// <summary>A clerk's command through the API (bearer token), e.g. schedule or result; fails the test unless accepted.</summary>
    public static async Task ClerkPostAsync(this AppFixture app, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.ClerkApiToken);
        using var response = await app.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Today in the municipality: a meeting on this day may get its result at once.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    private static async Task<JsonElement> ClerkGetAsync(this AppFixture app, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.ClerkApiToken);
        using var response = await app.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string> StageOfAsync(this AppFixture app, string motionId) =>
        (await app.GetMotionAsync(motionId)).GetProperty("stage").GetString()!;

    /// <summary>Polls until the motion has reached one of <paramref name="stages"/> (the workflow runs asynchronously).</summary>
    public static async Task<JsonElement> WaitForStageAsync(this AppFixture app, string motionId, params string[] stages)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var motion = await app.GetMotionAsync(motionId);
            if (stages.Contains(motion.GetProperty("stage").GetString()))
            {
                return motion;
            }
            Assert.True(DateTime.UtcNow < until, $"Motion {motionId} stayed at {motion.GetProperty("stage")}, expected {string.Join(" or ", stages)}.");
            await Task.Delay(100);
        }
    }
}
