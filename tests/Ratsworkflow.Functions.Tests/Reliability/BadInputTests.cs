using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tests.Workflow;
using Ratsworkflow.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Functions.Tests.Reliability;

/// <summary>
/// More than a hundred malformed requests against every endpoint: each gets a 4xx with a German problem detail, and
/// storage is exactly as it was before.
/// </summary>
public sealed class BadInputTests(AzuriteFixture azurite, MailDevFixture mail, ITestOutputHelper output) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private const string Json = "application/json";

    [Fact]
    public async Task MalformedRequests_EveryEndpoint_Get4xxGermanProblemAndChangeNothing()
    {
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev);
        var pending = new Scenario(app);
        await pending.SubmitAsync();
        var running = new Scenario(app);
        await running.SubmitAsync(false, "ausschuss-soziales");
        await running.ConfirmFromMailAsync();
        await running.WaitForStageAsync(MotionStage.Consultation);
        await Task.Delay(500);
        var before = await StorageSnapshot.TakeAsync(azurite.ConnectionString);

        var cases = Cases(pending.MotionId, running.MotionId).ToList();
        var failures = new List<string>();
        foreach (var (name, clerk, method, path, body, contentType) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
            }
            var response = await (clerk ? app.Clerk : app.Anonymous).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var german = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && GermanDetail(text);
            if (status is < 400 or >= 500 || !german)
            {
                failures.Add($"{name}: {status} {response.Content.Headers.ContentType?.MediaType} {text[..Math.Min(200, text.Length)]}");
            }
        }
        var after = await StorageSnapshot.TakeAsync(azurite.ConnectionString);

        output.WriteLine($"{cases.Count} malformed requests, {cases.Count - failures.Count} refused properly");
        Assert.True(cases.Count >= 100, $"only {cases.Count} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, after);
    }

    private static bool GermanDetail(string problem)
    {
        using var doc = JsonDocument.Parse(problem);
        var detail = doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        string[] germanWords = ["die", "der", "das", "ist", "bitte", "nicht", "ungültig", "keine", "gibt", "anfrage", "antrag", "link", "sie", "zu", "für", "eine", "einen", "dieser", "diese"];
        return detail.Length > 5 && detail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => germanWords.Contains(w.Trim('.', ',', ';', ':').ToLowerInvariant()));
    }

    private static string Submission(Action<Dictionary<string, object?>> change)
    {
        var fields = new Dictionary<string, object?>
        {
            ["factionId"] = "gruene",
            ["submitterName"] = "Maria Beispiel",
            ["submitterEmail"] = "maria.beispiel@example.org",
            ["title"] = "Ein gültiger Titel",
            ["resolutionText"] = "Der Rat möge beschließen.",
            ["justification"] = "Weil es nötig ist.",
            ["beiratReview"] = false,
            ["consultations"] = new[] { "ausschuss-soziales" },
        };
        change(fields);
        return JsonSerializer.Serialize(fields);
    }

    private const string MultipartType = "multipart/form-data; boundary=grenze";

    /// <summary>A complete, valid submission form (as the page or a script posts it) with the given file parts.</summary>
    private static string Multipart(params (string Field, string FileName, string Content)[] files)
    {
        var fields = new (string, string)[]
        {
            ("factionId", "gruene"), ("submitterName", "Maria Beispiel"), ("submitterEmail", "maria.beispiel@example.org"), ("title", "Antrag"),
            ("resolutionText", "Beschluss"), ("justification", "Grund"), ("beiratReview", "false"), ("consultations", "ausschuss-soziales"),
        };
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append($"--grenze\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }
        foreach (var (field, fileName, content) in files)
        {
            body.Append($"--grenze\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n{content}\r\n");
        }
        return body.Append("--grenze--\r\n").ToString();
    }

    private static IEnumerable<(string Name, bool Clerk, string Method, string Path, string? Body, string? ContentType)> Cases(string pending, string running)
    {
        const string motions = "/api/motions";
        var huge = new string('x', 300_000);
        var token = new string('A', 64);
        var submissions = new (string, Action<Dictionary<string, object?>>)[]
        {
            ("missing faction", f => f.Remove("factionId")), ("unknown faction", f => f["factionId"] = "piraten"),
            ("faction is a committee", f => f["factionId"] = "ausschuss-soziales"), ("faction html", f => f["factionId"] = "<script>alert(1)</script>"),
            ("missing name", f => f.Remove("submitterName")), ("blank name", f => f["submitterName"] = "   "),
            ("name too long", f => f["submitterName"] = new string('n', 201)), ("name control chars", f => f["submitterName"] = "Ma\u0007ria"),
            ("missing email", f => f.Remove("submitterEmail")), ("invalid email", f => f["submitterEmail"] = "keine-adresse"),
            ("email with html", f => f["submitterEmail"] = "<b>x</b>@example.org"), ("email two ats", f => f["submitterEmail"] = "a@b@example.org"),
            ("missing title", f => f.Remove("title")), ("empty title", f => f["title"] = ""), ("title too long", f => f["title"] = new string('t', 251)),
            ("title control char", f => f["title"] = "Titel\u0000"), ("title bidi override", f => f["title"] = "Antrag \u202Egnp.exe"),
            ("name bidi isolate", f => f["submitterName"] = "Maria \u2067Beispiel\u2069"), ("title newline", f => f["title"] = "Zeile\nZwei\u0001"),
            ("missing resolution", f => f.Remove("resolutionText")), ("resolution too long", f => f["resolutionText"] = new string('r', 20_001)),
            ("resolution control", f => f["resolutionText"] = "Text\u001b[31m"), ("missing justification", f => f.Remove("justification")),
            ("justification too long", f => f["justification"] = new string('j', 20_001)), ("financial too long", f => f["financialImpact"] = new string('f', 20_001)),
            ("unknown committee", f => f["consultations"] = new[] { "ausschuss-mond" }), ("council as consultation", f => f["consultations"] = new[] { "rat" }),
            ("faction as consultation", f => f["consultations"] = new[] { "spd" }), ("beirat as consultation", f => f["consultations"] = new[] { "integrationsrat" }),
            ("duplicate committees", f => f["consultations"] = new[] { "ausschuss-soziales", "ausschuss-soziales" }),
            ("null committee", f => f["consultations"] = new string?[] { null }), ("title number", f => f["title"] = 42),
            ("beirat string", f => f["beiratReview"] = "ja"), ("consultations object", f => f["consultations"] = new { a = 1 }),
            ("email number", f => f["submitterEmail"] = 12345), ("everything missing", f => f.Clear()),
        };
        foreach (var (name, change) in submissions)
        {
            yield return ("submit: " + name, false, "POST", motions, Submission(change), Json);
        }
        foreach (var (name, body, type) in new (string, string?, string?)[]
        {
            ("invalid json", "{ title: ", Json), ("json array", "[1,2,3]", Json), ("json string", "\"antrag\"", Json), ("json null", "null", Json),
            ("empty body", "", Json), ("text/plain", Submission(_ => { }), "text/plain"), ("form urlencoded", "title=x", "application/x-www-form-urlencoded"),
            ("xml", "<antrag/>", "application/xml"), ("no content type", Submission(_ => { }), null), ("huge body", "{\"title\":\"" + huge + "\"}", Json),
            ("trailing comma", "{\"title\":\"x\",}", Json), ("nested garbage", "{\"consultations\":[[[[]]]]}", Json),
            ("multipart: gif named pdf", Multipart(("attachments", "foto.pdf", "GIF89a")), MultipartType),
            ("multipart: empty pdf", Multipart(("attachments", "leer.pdf", "")), MultipartType),
            ("multipart: stray file field", Multipart(("datei", "a.pdf", "%PDF-1.7")), MultipartType),
            ("multipart: six files", Multipart(Enumerable.Range(1, 6).Select(i => ("attachments", $"{i}.pdf", "%PDF-1.7")).ToArray()), MultipartType),
            ("multipart: beirat flag garbage", Multipart([]).Replace("name=\"beiratReview\"\r\n\r\nfalse", "name=\"beiratReview\"\r\n\r\nvielleicht", StringComparison.Ordinal), MultipartType),
            ("multipart: cut off", Multipart([])[..80], MultipartType), ("multipart: no boundary", Multipart([]), "multipart/form-data"),
        })
        {
            yield return ("submit: " + name, false, "POST", motions, body, type);
        }
        foreach (var (name, path, body) in new (string, string, string?)[]
        {
            ("confirm missing token", $"{motions}/{pending}/confirm", "{}"), ("confirm short token", $"{motions}/{pending}/confirm", "{\"token\":\"abc\"}"),
            ("confirm forged token", $"{motions}/{pending}/confirm", $"{{\"token\":\"{token}\"}}"), ("confirm html token", $"{motions}/{pending}/confirm", "{\"token\":\"<script>\"}"),
            ("confirm token number", $"{motions}/{pending}/confirm", "{\"token\":5}"), ("confirm unknown motion", $"{motions}/nichtda/confirm", $"{{\"token\":\"{token}\"}}"),
            ("confirm huge token", $"{motions}/{pending}/confirm", $"{{\"token\":\"{new string('A', 10_000)}\"}}"), ("confirm invalid json", $"{motions}/{pending}/confirm", "{"),
            ("withdraw missing token", $"{motions}/{running}/withdraw", "{}"), ("withdraw forged token", $"{motions}/{running}/withdraw", $"{{\"token\":\"{token}\"}}"),
            ("withdraw unknown motion", $"{motions}/nichtda/withdraw", $"{{\"token\":\"{token}\"}}"), ("withdraw invalid json", $"{motions}/{running}/withdraw", "nope"),
            ("vote forged token", $"/api/votes/{token}", "{\"choice\":\"yes\"}"), ("vote short token", "/api/votes/abc", "{\"choice\":\"yes\"}"),
            ("vote bad chars", "/api/votes/%3Cscript%3E", "{\"choice\":\"yes\"}"), ("vote choice out of range", $"/api/votes/{token}", "{\"choice\":\"vielleicht\"}"),
            ("vote choice number", $"/api/votes/{token}", "{\"choice\":1}"), ("vote invalid json", $"/api/votes/{token}", "{\"choice\":"),
            ("vote huge token", "/api/votes/" + new string('B', 5000), "{\"choice\":\"yes\"}"),
        })
        {
            yield return (name, false, "POST", path, body, Json);
        }
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, path, body) in new (string, string, string)[]
        {
            ("schedule pending motion", $"{motions}/{pending}/schedule", $"{{\"organizationId\":\"ausschuss-soziales\",\"meetingDate\":\"{today}\"}}"),
            ("schedule unknown motion", $"{motions}/nichtda/schedule", $"{{\"organizationId\":\"ausschuss-soziales\",\"meetingDate\":\"{today}\"}}"),
            ("schedule wrong body", $"{motions}/{running}/schedule", $"{{\"organizationId\":\"rat\",\"meetingDate\":\"{today}\"}}"),
            ("schedule unknown body", $"{motions}/{running}/schedule", $"{{\"organizationId\":\"ausschuss-mond\",\"meetingDate\":\"{today}\"}}"),
            ("schedule invalid date", $"{motions}/{running}/schedule", "{\"organizationId\":\"ausschuss-soziales\",\"meetingDate\":\"2026-13-45\"}"),
            ("schedule date number", $"{motions}/{running}/schedule", "{\"organizationId\":\"ausschuss-soziales\",\"meetingDate\":20261201}"),
            ("schedule missing date", $"{motions}/{running}/schedule", "{\"organizationId\":\"ausschuss-soziales\"}"),
            ("schedule missing body", $"{motions}/{running}/schedule", $"{{\"meetingDate\":\"{today}\"}}"),
            ("schedule far future", $"{motions}/{running}/schedule", "{\"organizationId\":\"ausschuss-soziales\",\"meetingDate\":\"2099-01-01\"}"),
            ("schedule in the past", $"{motions}/{running}/schedule", "{\"organizationId\":\"ausschuss-soziales\",\"meetingDate\":\"2001-01-01\"}"),
            ("schedule html org", $"{motions}/{running}/schedule", $"{{\"organizationId\":\"<script>\",\"meetingDate\":\"{today}\"}}"),
            ("schedule invalid json", $"{motions}/{running}/schedule", "{{"),
            ("result pending motion", $"{motions}/{pending}/result", "{\"organizationId\":\"ausschuss-soziales\",\"outcome\":\"approved\"}"),
            ("result unscheduled", $"{motions}/{running}/result", "{\"organizationId\":\"ausschuss-soziales\",\"outcome\":\"approved\"}"),
            ("result outcome out of range", $"{motions}/{running}/result", "{\"organizationId\":\"ausschuss-soziales\",\"outcome\":\"vielleicht\"}"),
            ("result outcome number", $"{motions}/{running}/result", "{\"organizationId\":\"ausschuss-soziales\",\"outcome\":3}"),
            ("result outcome missing", $"{motions}/{running}/result", "{\"organizationId\":\"ausschuss-soziales\"}"),
            ("result wrong body", $"{motions}/{running}/result", "{\"organizationId\":\"rat\",\"outcome\":\"approved\"}"),
            ("result votes string", $"{motions}/{running}/result", "{\"organizationId\":\"ausschuss-soziales\",\"outcome\":\"approved\",\"votes\":\"viele\"}"),
            ("result follow-up negative", $"{motions}/{running}/result", "{\"organizationId\":\"ausschuss-soziales\",\"outcome\":\"approved\",\"followUpAfterDays\":-5}"),
            ("result follow-up huge", $"{motions}/{running}/result", "{\"organizationId\":\"ausschuss-soziales\",\"outcome\":\"approved\",\"followUpAfterDays\":999999}"),
            ("result invalid json", $"{motions}/{running}/result", "]"),
            ("retry not failed", $"{motions}/{running}/retry", "{}"), ("retry unknown", $"{motions}/nichtda/retry", "{}"),
            ("follow-up end undecided", $"{motions}/{running}/followup/end", "{}"), ("withdraw pending as clerk", $"{motions}/{pending}/withdraw", "{}"),
        })
        {
            yield return (name, true, "POST", path, body, Json);
        }
        foreach (var (name, path) in new[]
        {
            ("list bad stage", $"{motions}?stage=Irgendwas"), ("list stage number", $"{motions}?stage=3"), ("list bad overdue", $"{motions}?overdue=vielleicht"),
            ("list page size zero", $"{motions}?pageSize=0"), ("list page size huge", $"{motions}?pageSize=100000"), ("list page size text", $"{motions}?pageSize=zehn"),
            ("list bad continuation", $"{motions}?continuation=%00%01kaputt"), ("list query too long", $"{motions}?q=" + new string('q', 300)),
            ("get unknown motion", $"{motions}/nichtda"), ("get unknown route", "/api/gibtsnicht"), ("get nested unknown", $"{motions}/{running}/unbekannt"),
        })
        {
            yield return (name, true, "GET", path, null, null);
        }
        foreach (var (name, clerk, method, path) in new[]
        {
            ("list without auth", false, "GET", motions), ("get without auth", false, "GET", $"{motions}/{running}"),
            ("schedule without auth", false, "POST", $"{motions}/{running}/schedule"), ("result without auth", false, "POST", $"{motions}/{running}/result"),
            ("retry without auth", false, "POST", $"{motions}/{running}/retry"), ("delete motion", true, "DELETE", $"{motions}/{running}"),
            ("put motion", true, "PUT", $"{motions}/{running}"), ("get vote", false, "GET", $"/api/votes/{token}"),
            ("patch organizations", false, "PATCH", "/api/organizations"), ("delete health", false, "DELETE", "/api/health"),
        })
        {
            yield return (name, clerk, method, path, method is "GET" or "DELETE" ? null : "{}", method is "GET" or "DELETE" ? null : Json);
        }
    }
}
