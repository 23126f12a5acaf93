using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ratsworkflow.FunctionApp.Tests.Web;

/// <summary>A faction's motion through the HTTP function: submitted with the JSON API and confirmed from the mail.</summary>
public static partial class Submission
{
    public const string FactionAddress = "gruene-fraktion@example.org";

    public static async Task<string> SubmitAndConfirmAsync(WorkerHarness worker)
    {
        var title = "Integrationskonzept " + Guid.NewGuid().ToString("N")[..8];
        var motionId = await SubmitAsync(worker, title);
        var mails = await worker.Mail.WaitForAsync(all => all.Any(m => m.IsTo(FactionAddress) && m.Subject.Contains(title, StringComparison.Ordinal)));
        var mail = mails.Last(m => m.IsTo(FactionAddress) && m.Subject.Contains(title, StringComparison.Ordinal));
        var token = Link().Matches(mail.Text ?? "").Select(m => m.Value).First(l => l.Contains("/bestaetigen/", StringComparison.Ordinal))
            .TrimEnd('/', '.', ')').Split('/')[^1];
        var confirmed = await worker.Anonymous.PostAsJsonAsync($"/api/motions/{motionId}/confirm", new { token });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return motionId;
    }

    /// <summary><c>POST /api/motions</c>: the motion waits for the faction's confirmation.</summary>
    public static async Task<string> SubmitAsync(WorkerHarness worker, string title)
    {
        var submitted = await worker.Anonymous.PostAsJsonAsync("/api/motions", new
        {
            factionId = "gruene",
            submitterName = "Maria Beispiel",
            submitterEmail = "maria.beispiel@example.org",
            title,
            resolutionText = "Die Verwaltung wird beauftragt, ein Integrationskonzept zu entwickeln.",
            justification = "Integration ist eine Querschnittsaufgabe.",
            beiratReview = false,
            consultations = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("motionId").GetString()!;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
