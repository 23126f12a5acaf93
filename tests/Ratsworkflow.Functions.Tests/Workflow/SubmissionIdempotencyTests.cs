using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>A submission repeated with its <c>Idempotency-Key</c> (its answer was lost) creates no second motion.</summary>
public sealed class SubmissionIdempotencyTests(AzuriteFixture azurite, MailDevFixture mail) : WorkflowAppTests(azurite, mail)
{
    private const string Faction = "gruene-fraktion@example.org";
    private const string ConfirmationSubject = "bestätigen Sie den Antrag";

    [Fact]
    public async Task Submit_RepeatedWithTheSameKey_AnswersWithTheFirstMotionAndMailsOnce()
    {
        var motion = new Scenario(App);
        var key = Guid.NewGuid().ToString();

        var first = await motion.PostSubmissionAsync(key);
        var again = await motion.PostSubmissionAsync(key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await MotionIdAsync(first), await MotionIdAsync(again));
        Assert.Single(await ListedAsync(motion.Title));
        await motion.MailAsync(Faction, ConfirmationSubject);
        Assert.Equal(1, await motion.CountMailsAsync(Faction, ConfirmationSubject));
    }

    [Fact]
    public async Task Submit_SameKeyForAnotherMotion_Returns422InGermanAndStoresNothing()
    {
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Accepted, (await new Scenario(App).PostSubmissionAsync(key)).StatusCode);
        var other = new Scenario(App);

        var response = await other.PostSubmissionAsync(key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("anderen Antrag", await response.Content.ReadAsStringAsync());
        Assert.Empty(await ListedAsync(other.Title));
    }

    public static TheoryData<string> MalformedKeys => ["mit Leerzeichen", new string('k', 201), "", "{\"json\":1}\u007f"];

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task Submit_MalformedKey_Returns400InGermanAndStoresNothing(string key)
    {
        var motion = new Scenario(App);

        var response = await motion.PostSubmissionAsync(key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
        Assert.Empty(await ListedAsync(motion.Title));
    }

    [Fact]
    public async Task Submit_SameKeyAfterItsLifetime_CreatesANewMotion()
    {
        var motion = new Scenario(App);
        var key = Guid.NewGuid().ToString();
        var first = await MotionIdAsync(await motion.PostSubmissionAsync(key));

        App.Clock.Advance(Ratsworkflow.Functions.Submission.SubmissionKeys.Lifetime + TimeSpan.FromMinutes(1));
        var later = await motion.PostSubmissionAsync(key);

        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        Assert.NotEqual(first, await MotionIdAsync(later));
    }

    private static async Task<string> MotionIdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("motionId").GetString()!;

    private async Task<IReadOnlyList<Ratsworkflow.Functions.Motions.MotionListItem>> ListedAsync(string title) =>
        (await App.GetJsonAsync<Api.MotionListResponse>("/api/motions?pageSize=200")).Items.Where(m => m.Title == title).ToList();
}
