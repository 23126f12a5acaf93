using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Api;
using Ratsworkflow.Functions.Periodic;
using Ratsworkflow.Functions.Submission;
using Ratsworkflow.Functions.Tests.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Attachments;

/// <summary><c>POST /api/motions</c> as multipart with Anlagen, the clerk's download, and what happens to the blobs.</summary>
public sealed class AttachmentApiTests(AzuriteFixture azurite, MailDevFixture mail) : WorkflowAppTests(azurite, mail)
{
    [Fact]
    public async Task Submit_MultipartWithPdf_StoresItAndTheClerkDownloadsTheSameBytes()
    {
        var pdf = AttachmentRulesTests.Pdf(5000);

        var response = await App.Anonymous.PostAsync("/api/motions", Form(("Lageplan Südstadt.pdf", pdf)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var motionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("motionId").GetString()!;
        var view = await App.GetJsonAsync<MotionView>($"/api/motions/{motionId}");
        Assert.Equal("Integrationskonzept", view.Title);
        var attachment = Assert.Single(view.Attachments);
        Assert.Equal(("Lageplan Südstadt.pdf", 5000L), (attachment.FileName, attachment.Length));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), attachment.Sha256);
        Assert.Equal("gruene", view.FactionId);

        var download = await App.Clerk.GetAsync(attachment.Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous.GetAsync(attachment.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Clerk.GetAsync($"/api/motions/{motionId}/attachments/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Clerk.GetAsync($"/api/motions/{motionId}/attachments/x")).StatusCode);
    }

    [Fact]
    public async Task Submit_PngNamedPdf_400WithGermanErrorAndNothingStored()
    {
        var before = (await MotionCountAsync(), await BlobCountAsync(prefix: ""));

        var response = await App.Anonymous.PostAsync("/api/motions",
            Form(("Plan.pdf", AttachmentRulesTests.Pdf()), ("foto.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("„foto.pdf“ ist keine PDF-Datei", problem.GetProperty("errors").GetProperty("attachments")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await MotionCountAsync(), await BlobCountAsync(prefix: "")));
    }

    [Fact]
    public async Task Submit_MultipartWithInvalidFlagOrStrayFile_400()
    {
        var flag = FormWith(beiratReview: "vielleicht");
        var stray = Form();
        stray.Add(new ByteArrayContent(AttachmentRulesTests.Pdf()), "anhang", "a.pdf");

        var flagResponse = await App.Anonymous.PostAsync("/api/motions", flag);
        var strayResponse = await App.Anonymous.PostAsync("/api/motions", stray);

        Assert.Equal(HttpStatusCode.BadRequest, flagResponse.StatusCode);
        Assert.Contains("beiratReview", await flagResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, strayResponse.StatusCode);
        Assert.Contains("Unbekanntes Dateifeld", await strayResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationExpiry_UnconfirmedMotionWithPdf_DeletesItsBlobs()
    {
        var response = await App.Anonymous.PostAsync("/api/motions", Form(("Plan.pdf", AttachmentRulesTests.Pdf())));
        var motionId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("motionId").GetString()!;
        Assert.Equal(1, await BlobCountAsync(motionId + "/"));

        App.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await App.Services.GetServices<IPeriodicWork>().OfType<ConfirmationExpiry>().Single().RunAsync(CancellationToken.None);

        Assert.Equal(0, await BlobCountAsync(motionId + "/"));
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files) => FormWith("false", files);

    private static MultipartFormDataContent FormWith(string beiratReview, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("gruene"), "factionId" },
            { new StringContent("Maria Beispiel"), "submitterName" },
            { new StringContent("maria.beispiel@example.org"), "submitterEmail" },
            { new StringContent("Integrationskonzept"), "title" },
            { new StringContent("Die Verwaltung wird beauftragt, ein Integrationskonzept zu entwickeln."), "resolutionText" },
            { new StringContent("Integration ist eine Querschnittsaufgabe."), "justification" },
            { new StringContent(beiratReview), "beiratReview" },
            { new StringContent("ausschuss-soziales"), "consultations" },
        };
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "attachments", name);
        }
        return form;
    }

    private async Task<int> MotionCountAsync() => (await App.GetJsonAsync<MotionListResponse>("/api/motions?pageSize=100")).Items.Count;

    private async Task<int> BlobCountAsync(string prefix)
    {
        var container = App.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("attachments");
        if (!await container.ExistsAsync())
        {
            return 0;
        }
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            count++;
        }
        return count;
    }
}
