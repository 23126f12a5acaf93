using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tests.Workflow;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Meetings;

/// <summary>The meetings API as a clerk's script uses it, plus motions put into the Beratungsfolge for it.</summary>
internal sealed class MeetingClient(WorkflowApp app)
{
    public static readonly JsonSerializerOptions Json = Scenario.Json;

    public DateOnly Today => BodyDate.Today(app.Clock);

    public async Task<MeetingView> CreateAsync(string organizationId, DateOnly date, string? startTime = "17:00", string? place = "Ratssaal")
    {
        var response = await app.Clerk.PostAsJsonAsync("/api/meetings", new { organizationId, date, startTime, place });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MeetingView>(Json))!;
    }

    public Task<MeetingView> GetAsync(string meetingId) => app.GetJsonAsync<MeetingView>($"/api/meetings/{meetingId}");

    public Task<HttpResponseMessage> PatchAsync(string meetingId, object change) =>
        app.Clerk.PatchAsJsonAsync($"/api/meetings/{meetingId}", change);

    public Task<HttpResponseMessage> ReorderAsync(string meetingId, object order) =>
        app.Clerk.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", order);

    public Task<HttpResponseMessage> ResultsAsync(string meetingId, object results) =>
        app.Clerk.PostAsJsonAsync($"/api/meetings/{meetingId}/results", results);

    /// <summary>A confirmed motion (Grüne, no Beirat) waiting for a date in <paramref name="committee"/>.</summary>
    public async Task<Scenario> MotionAsync(string committee = "ausschuss-soziales")
    {
        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: false, committee);
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.Consultation);
        return motion;
    }

    public async Task ScheduleAsync(Scenario motion, string meetingId)
    {
        var response = await app.Clerk.PostAsJsonAsync($"/api/motions/{motion.MotionId}/schedule", new { meetingId });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
