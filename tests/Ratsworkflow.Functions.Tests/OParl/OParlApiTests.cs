using System.Net;
using Newtonsoft.Json.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Functions.Tests.OParl;

[Collection(OpenDataCollection.Name)]
public sealed class OParlApiTests(OpenDataApp app, ITestOutputHelper output)
{
    private const string Root = OpenDataApp.PublicBaseUrl + "/oparl/v1.1";
    private const string Body = Root + "/bodies/goettingen";

    [OParlSchemaFact]
    public async Task Crawl_FromSystem_EveryObjectListAndReferenceValidatesAgainstTheOfficialSchemas()
    {
        var schemas = await OParlSchemas.LoadAsync();
        var crawler = new OParlCrawler(app, schemas, limit: 2);

        await crawler.CrawlAsync(Root);

        output.WriteLine($"{schemas.Validated} objects validated (embedded ones included), {crawler.Objects.Count} fetched by id, " +
            $"{crawler.ListItems.Count} lists in {crawler.Pages} pages of at most 2.");
        foreach (var (list, count) in crawler.ListItems.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {list}: {count}");
        }
        Assert.Empty(crawler.Errors);
        Assert.Equal(app.Samples.Public.Count, crawler.ListItems[Body + "/papers"]);
        Assert.Equal(app.Samples.Public.Count + 1, crawler.ListItems[Body + "/files"]); // one motion has an Anlage
        Assert.Equal(SampleMotions.Meetings.Length + 1, crawler.ListItems[Body + "/meetings"]);
        Assert.Equal(11, crawler.ListItems[Body + "/organizations"]);
        Assert.Equal(9, crawler.ListItems[Body + "/people"]);
        Assert.Equal(9, crawler.ListItems[Body + "/memberships"]);
        var types = crawler.Objects.Values.Select(o => o.Value<string>("type")!.Split('/')[^1]).ToHashSet();
        Assert.Superset(new HashSet<string> { "System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation", "File" }, types);
        Assert.True(crawler.Pages >= 30, $"only {crawler.Pages} pages walked");
    }

    [OParlSchemaFact]
    public async Task Crawl_EveryResponse_HasNoPersonalDataAndNoUnconfirmedMotion()
    {
        var crawler = new OParlCrawler(app, await OParlSchemas.LoadAsync(), limit: 50);

        await crawler.CrawlAsync(Root);

        Assert.NotEmpty(crawler.Responses);
        foreach (var response in crawler.Responses)
        {
            Assert.DoesNotContain("@", response, StringComparison.Ordinal);
            Assert.DoesNotContain("Privatperson", response, StringComparison.Ordinal);
            Assert.DoesNotContain(SampleMotions.SecretTitle, response, StringComparison.Ordinal);
            Assert.DoesNotContain(SampleMotions.SecretTitle2, response, StringComparison.Ordinal);
            Assert.DoesNotContain("SMTP", response, StringComparison.Ordinal);
        }
    }

    [OParlSchemaFact]
    public async Task Validator_BrokenObjects_AreRejected()
    {
        var schemas = await OParlSchemas.LoadAsync();
        var paper = await GetAsync($"{Root}/papers/{app.Samples.Decided.MotionId}");
        Assert.Empty(schemas.Validate(paper, "Paper", "paper"));

        var wrongType = (JObject)paper.DeepClone();
        wrongType["type"] = "https://schema.oparl.org/1.0/Paper";
        var badTime = (JObject)paper.DeepClone();
        badTime["modified"] = "2026-11-23T10:00:00";
        var badEmbedded = (JObject)paper.DeepClone();
        ((JObject)badEmbedded["consultation"]![0]!).Remove("id");
        var badFile = (JObject)paper.DeepClone();
        badFile["mainFile"]!["accessUrl"] = "antrag.html";
        var badDate = (JObject)paper.DeepClone();
        badDate["date"] = "20.10.2026";

        Assert.NotEmpty(schemas.Validate(wrongType, "Paper", "wrong type"));
        Assert.NotEmpty(schemas.Validate(badTime, "Paper", "no offset"));
        Assert.Contains(schemas.Validate(badEmbedded, "Paper", "p"), e => e.StartsWith("p.consultation[0] (Consultation)", StringComparison.Ordinal));
        Assert.Contains(schemas.Validate(badFile, "Paper", "p"), e => e.StartsWith("p.mainFile (File)", StringComparison.Ordinal));
        Assert.NotEmpty(schemas.Validate(badDate, "Paper", "date"));
    }

    [Fact]
    public async Task Paper_DecidedMotion_ShowsReferenceOriginatorConsultationsAndFile()
    {
        var motion = app.Samples.Decided;

        var paper = await GetAsync($"{Root}/papers/{motion.MotionId}");

        Assert.Equal(motion.Reference, paper.Value<string>("reference"));
        Assert.Equal("Antrag", paper.Value<string>("paperType"));
        Assert.Equal(motion.Title, paper.Value<string>("name"));
        Assert.Equal([$"{Root}/organizations/cdu"], paper["originatorOrganization"]!.Values<string>());
        Assert.Equal(DateOnly.FromDateTime(motion.RegisteredAt!.Value.UtcDateTime).ToString("yyyy-MM-dd"), paper.Value<string>("date"));
        var consultations = paper["consultation"]!.ToArray();
        Assert.Equal(2, consultations.Length);
        Assert.False(consultations[0].Value<bool>("authoritative"));
        Assert.Equal("Vorberatung", consultations[0].Value<string>("role"));
        var finance = app.Samples.MeetingsByDay[("ausschuss-finanzen", new DateOnly(2026, 10, 1))].Id;
        Assert.Equal($"{Root}/meetings/{finance}", consultations[0].Value<string>("meeting"));
        Assert.Equal($"{Root}/agenda-items/{finance}/{motion.MotionId}", consultations[0].Value<string>("agendaItem"));
        Assert.True(consultations[1].Value<bool>("authoritative"));
        Assert.Equal("Entscheidung", consultations[1].Value<string>("role"));
        Assert.Equal([$"{Root}/organizations/rat"], consultations[1]["organization"]!.Values<string>());
        Assert.Equal($"{Root}/files/{motion.MotionId}/antrag.html", paper["mainFile"]!.Value<string>("accessUrl"));
        Assert.Contains("ungeändert beschlossen", paper["keyword"]!.Values<string>());
        Assert.Equal($"{OpenDataApp.PublicBaseUrl}/antraege/{motion.MotionId}", paper.Value<string>("web"));
        Assert.Equal("2026-11-22T13:00:00+01:00", paper.Value<string>("modified"));
    }

    [Fact]
    public async Task Paper_WithAnlage_ListsItAsAuxiliaryFileWithThePublicDownload()
    {
        var motion = app.Samples.Decided;

        var paper = await GetAsync($"{Root}/papers/{motion.MotionId}");
        var file = Assert.Single(paper["auxiliaryFile"]!);
        var single = await GetAsync(file.Value<string>("id")!);
        var files = await GetAsync($"{Root}/bodies/goettingen/files?limit=100");

        Assert.Equal($"{Root}/files/{motion.MotionId}/anlagen/1", file.Value<string>("id"));
        Assert.Equal("application/pdf", file.Value<string>("mimeType"));
        Assert.Equal("Kostenplan.pdf", file.Value<string>("fileName"));
        Assert.Equal(SampleMotions.AttachmentContent.Length, file.Value<long>("size"));
        Assert.Equal($"{OpenDataApp.PublicBaseUrl}/antraege/{motion.MotionId}/anlagen/1", file.Value<string>("downloadUrl"));
        Assert.Equal(file.ToString(), single.ToString());
        Assert.Contains(files["data"]!, f => f.Value<string>("id") == file.Value<string>("id"));
    }

    [Fact]
    public async Task Paper_WithdrawnMotion_StaysVisibleWithItsState()
    {
        var paper = await GetAsync($"{Root}/papers/{app.Samples.Withdrawn.MotionId}");

        Assert.Contains("zurückgezogen", paper["keyword"]!.Values<string>());
        Assert.Equal("zurückgezogen", paper["consultation"]![0]!["keyword"]![0]!.Value<string>());
    }

    [Fact]
    public async Task Paper_ReferredMotion_CountsRepeatedConsultationsOfAnOrganization()
    {
        var id = app.Samples.Referred.MotionId;

        var paper = await GetAsync($"{Root}/papers/{id}");

        Assert.Equal(
            [$"{Root}/papers/{id}/consultations/ausschuss-soziales/1", $"{Root}/papers/{id}/consultations/rat/1",
             $"{Root}/papers/{id}/consultations/ausschuss-soziales/2", $"{Root}/papers/{id}/consultations/rat/2"],
            paper["consultation"]!.Select(c => c.Value<string>("id")));
        Assert.Equal("zurückverwiesen", paper["consultation"]![1]!["keyword"]![0]!.Value<string>());
    }

    [Fact]
    public async Task Paper_BeiratReview_IsAHearingWithTheResultButNoMeeting()
    {
        var paper = await GetAsync($"{Root}/papers/{app.Samples.Scheduled.MotionId}");

        var beirat = paper["consultation"]![0]!;
        Assert.Equal([$"{Root}/organizations/integrationsrat"], beirat["organization"]!.Values<string>());
        Assert.Equal("Anhörung", beirat.Value<string>("role"));
        Assert.Null(beirat["meeting"]);
        Assert.Equal("Zustimmung empfohlen", beirat["keyword"]![0]!.Value<string>());
    }

    [Fact]
    public async Task Paper_FailedMotion_ShowsTheStageItFailedIn()
    {
        var paper = await GetAsync($"{Root}/papers/{app.Samples.Failed.MotionId}");

        Assert.Equal(["im rat"], paper["keyword"]!.Values<string>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Paper_NotYetBinding_IsNotFound(int hidden)
    {
        var id = app.Samples.Hidden[hidden].MotionId;

        foreach (var path in new[] { $"/oparl/v1.1/papers/{id}", $"/oparl/v1.1/files/{id}", $"/oparl/v1.1/files/{id}/antrag.html", $"/oparl/v1.1/papers/{id}/consultations/rat/1" })
        {
            using var response = await app.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Papers_CreatedFilters_PageInRegistrationOrderWithTheFiltersInEveryLink()
    {
        var since = app.Samples.Public[3].RegisteredAt!.Value;
        var until = app.Samples.Public[8].RegisteredAt!.Value;
        var url = $"/oparl/v1.1/bodies/goettingen/papers?created_since={Escape(since)}&created_until={Escape(until)}&limit=4";

        var (references, pages) = await WalkAsync(url, p => p.Value<string>("reference")!);

        Assert.Equal(app.Samples.Public[3..9].Select(m => m.Reference), references);
        Assert.Equal(2, pages.Count);
        Assert.Contains("created_since=", pages[0]["links"]!.Value<string>("next"), StringComparison.Ordinal);
        Assert.Equal(2, pages[1]["pagination"]!.Value<int>("currentPage"));
    }

    [Fact]
    public async Task Papers_ModifiedSince_ListsTheChangedOnesOldestChangeFirst()
    {
        var since = new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero);

        var (references, _) = await WalkAsync($"/oparl/v1.1/bodies/goettingen/papers?modified_since={Escape(since)}&limit=1", p => p.Value<string>("reference")!);

        Assert.Equal([app.Samples.Withdrawn.Reference!, app.Samples.Decided.Reference!], references);
    }

    [Fact]
    public async Task Papers_ModifiedUntilAndCreatedSince_Combine()
    {
        var createdSince = app.Samples.Decided.RegisteredAt!.Value;
        var modifiedUntil = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

        var (references, _) = await WalkAsync($"/oparl/v1.1/bodies/goettingen/papers?created_since={Escape(createdSince)}&modified_until={Escape(modifiedUntil)}", p => p.Value<string>("reference")!);

        Assert.Equal(
            app.Samples.Public.Where(m => m.RegisteredAt >= createdSince && m.UpdatedAt <= modifiedUntil).OrderBy(m => m.UpdatedAt).Select(m => m.Reference),
            references);
    }

    [Fact]
    public async Task Meetings_ModifiedSince_ListsTheMeetingsChangedSinceInDateOrder()
    {
        var since = new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero);

        var (ids, pages) = await WalkAsync($"/oparl/v1.1/bodies/goettingen/meetings?modified_since={Escape(since)}", m => m.Value<string>("id")!);

        // Planned on 19 Nov: the council's meeting of 10 Dec; cancelled on 20 Nov: the Verwaltungsausschuss of 26 Nov.
        Assert.Equal([MeetingUrl(SampleMotions.Cancelled.Organization, SampleMotions.Cancelled.Date), MeetingUrl("rat", new(2026, 12, 10))], ids);
        Assert.Equal(2, pages[0]["pagination"]!.Value<int>("totalElements"));
    }

    [Fact]
    public async Task Meeting_OfACommittee_HasItsAgendaInTopOrderPublicPartFirst()
    {
        var meeting = await GetAsync(MeetingUrl("ausschuss-soziales", new(2026, 12, 1)));

        Assert.Equal("terminiert", meeting.Value<string>("meetingState"));
        Assert.False(meeting.Value<bool>("cancelled"));
        Assert.Equal("2026-12-01T17:00:00+01:00", meeting.Value<string>("start"));
        var agenda = meeting["agendaItem"]!.ToArray();
        // The withdrawn motion left the agenda; the referred one is back in its second round, in the non-public part.
        Assert.Equal([app.Samples.Scheduled.Reference, app.Samples.Referred.Reference], agenda.Select(a => a.Value<string>("name")!.Split(' ')[0]));
        Assert.Equal(["1", "2"], agenda.Select(a => a.Value<string>("number")));
        Assert.Equal([true, false], agenda.Select(a => a.Value<bool>("public")));
        Assert.Equal($"{Root}/papers/{app.Samples.Referred.MotionId}/consultations/ausschuss-soziales/2", agenda[1].Value<string>("consultation"));
        Assert.Null(agenda[0]["result"]);
        Assert.Null(agenda[0]["resolutionText"]);
        var standalone = await GetAsync(agenda[1].Value<string>("id")!);
        Assert.True(JToken.DeepEquals(agenda[1], standalone));
    }

    [Fact]
    public async Task Meeting_Held_HasTheResultAndTheResolutionTextAsTheResultLeftIt()
    {
        var meeting = await GetAsync(MeetingUrl("ausschuss-finanzen", new(2026, 10, 1)));

        Assert.Equal("durchgeführt", meeting.Value<string>("meetingState"));
        var item = meeting["agendaItem"]!.Single();
        Assert.Equal("geändert empfohlen", item.Value<string>("result"));
        Assert.Equal("Die Verwaltung wird beauftragt, zwei Willkommenslotsen einzustellen.", item.Value<string>("resolutionText"));
    }

    [Fact]
    public async Task Meeting_Cancelled_IsMarkedCancelled()
    {
        var meeting = await GetAsync(MeetingUrl(SampleMotions.Cancelled.Organization, SampleMotions.Cancelled.Date));

        Assert.True(meeting.Value<bool>("cancelled"));
        Assert.Equal("abgesagt", meeting.Value<string>("meetingState"));
        Assert.Empty(meeting["agendaItem"]!);
    }

    [OParlSchemaFact]
    public async Task Meeting_WithAgenda_ValidatesAndABrokenAgendaItemIsRejected()
    {
        var schemas = await OParlSchemas.LoadAsync();
        var meeting = await GetAsync(MeetingUrl("ausschuss-soziales", new(2026, 12, 1)));
        var held = await GetAsync(MeetingUrl("rat", new(2026, 10, 20)));
        Assert.Empty(schemas.Validate(meeting, "Meeting", "meeting"));
        Assert.Empty(schemas.Validate(held, "Meeting", "held"));
        Assert.Empty(schemas.Validate(held["agendaItem"]![0]!, "AgendaItem", "item"));

        var badPublic = (JObject)meeting.DeepClone();
        badPublic["agendaItem"]![0]!["public"] = "ja";
        var badNumber = (JObject)meeting.DeepClone();
        badNumber["agendaItem"]![1]!["number"] = 2;
        Assert.Contains(schemas.Validate(badPublic, "Meeting", "m"), e => e.StartsWith("m.agendaItem[0] (AgendaItem)", StringComparison.Ordinal));
        Assert.Contains(schemas.Validate(badNumber, "Meeting", "m"), e => e.StartsWith("m.agendaItem[1] (AgendaItem)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ausschuss-soziales/2026-12-01", true)]
    [InlineData("ausschuss-soziales/2026-12-02", false)]
    [InlineData("gibtsnicht/2026-12-01", false)]
    [InlineData("ausschuss-soziales/01.12.2026", false)]
    public async Task FormerMeetingAddress_LeadsToTheMeetingOfThatDay(string organizationAndDay, bool exists)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };

        using var response = await client.GetAsync($"/oparl/v1.1/meetings/{organizationAndDay}");

        Assert.Equal(exists ? HttpStatusCode.MovedPermanently : HttpStatusCode.NotFound, response.StatusCode);
        if (exists)
        {
            Assert.Equal(MeetingUrl("ausschuss-soziales", new(2026, 12, 1)), response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task FormerAgendaItemAddress_LeadsToTheTopOfTheMeetingTheConsultationIsOn()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Client.BaseAddress };
        var id = app.Samples.Referred.MotionId;

        using var response = await client.GetAsync($"/oparl/v1.1/papers/{id}/consultations/ausschuss-soziales/2/agenda-item");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"{Root}/agenda-items/{app.Samples.MeetingsByDay[("ausschuss-soziales", new DateOnly(2026, 12, 1))].Id}/{id}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Person_BeiratMember_HasNameRoleAndVotingRightButNoAddress()
    {
        var person = await GetAsync($"{Root}/people/aylin-demir");

        Assert.Equal("Aylin Demir", person.Value<string>("name"));
        var membership = person["membership"]![0]!;
        Assert.Equal("Vorsitzende", membership.Value<string>("role"));
        Assert.True(membership.Value<bool>("votingRight"));
        Assert.Null(person["email"]);
        var advisory = await GetAsync($"{Root}/people/thomas-richter");
        Assert.False(advisory["membership"]![0]!.Value<bool>("votingRight"));
    }

    [Fact]
    public async Task Organizations_HaveTheGlossarysClassifications()
    {
        var organizations = (await GetAsync($"{Body}/organizations?limit=100"))["data"]!.ToDictionary(o => o.Value<string>("id")!.Split('/')[^1]);

        Assert.Equal(("Fraktion", "Fraktion"), (organizations["spd"].Value<string>("organizationType"), organizations["spd"].Value<string>("classification")));
        Assert.Equal("Gruppe", organizations["volt-partei"].Value<string>("classification"));
        Assert.Equal(("Gremium", "Beirat"), (organizations["integrationsrat"].Value<string>("organizationType"), organizations["integrationsrat"].Value<string>("classification")));
        Assert.Equal("Ausschuss", organizations["verwaltungsausschuss"].Value<string>("classification"));
        Assert.Equal("Parlament", organizations["rat"].Value<string>("classification"));
        Assert.Equal(9, organizations["integrationsrat"]["membership"]!.Count());
    }

    [Fact]
    public async Task CatalogObjects_NeverChanged_CreatedIsModified()
    {
        var body = await GetAsync(Body);

        Assert.Equal(body.Value<string>("created"), body.Value<string>("modified"));
    }

    [Theory]
    [InlineData("created_since=2026-01-01")]
    [InlineData("modified_until=2026-01-01T00:00:00")]
    [InlineData("limit=0")]
    [InlineData("page=x")]
    [InlineData("after=%2F..")]
    public async Task Lists_InvalidParameters_AreAGermanProblem(string query)
    {
        using var response = await app.Client.GetAsync($"/oparl/v1.1/bodies/goettingen/papers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("„", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_UnencodedPlusInAnOffset_StillMeansTheOffset()
    {
        var (references, _) = await WalkAsync("/oparl/v1.1/bodies/goettingen/papers?modified_since=2026-11-20T10:00:00+01:00", p => p.Value<string>("reference")!);

        Assert.Equal([app.Samples.Withdrawn.Reference!, app.Samples.Decided.Reference!], references);
    }

    [Fact]
    public async Task UnknownAddress_IsAJsonNotFound()
    {
        using var response = await app.Client.GetAsync("/oparl/v1.1/gibtsnicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task File_Document_HasTheTextsButNotTheSubmitter()
    {
        var motion = app.Samples.Decided;

        var html = await app.Client.GetStringAsync($"/oparl/v1.1/files/{motion.MotionId}/antrag.html");

        Assert.Contains("zwei Willkommenslotsen", html, StringComparison.Ordinal);
        Assert.Contains("Ursprünglicher Beschlussvorschlag", html, StringComparison.Ordinal);
        Assert.Contains("Und zwar bald.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Privatperson", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@", html, StringComparison.Ordinal);
    }

    private string MeetingUrl(string organization, DateOnly date) => $"{Root}/meetings/{app.Samples.MeetingsByDay[(organization, date)].Id}";

    private async Task<JObject> GetAsync(string url)
    {
        using var response = await app.Client.GetAsync(app.Local(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JObject)OParlSchemas.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<(List<T> Items, List<JObject> Pages)> WalkAsync<T>(string url, Func<JToken, T> select)
    {
        var items = new List<T>();
        var pages = new List<JObject>();
        string? next = url;
        while (next is not null && pages.Count < 100)
        {
            var page = await GetAsync(next.StartsWith('/') ? OpenDataApp.PublicBaseUrl + next : next);
            pages.Add(page);
            items.AddRange(page["data"]!.Select(select));
            next = page["links"]!.Value<string>("next");
        }
        return (items, pages);
    }

    private static string Escape(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture));
}
