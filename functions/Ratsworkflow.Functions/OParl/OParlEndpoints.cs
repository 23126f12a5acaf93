using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.OParl;

/// <summary>
/// The read-only OParl 1.1 API under <c>/oparl/v1.1</c> (entry point: the System object). Lists of the body are
/// external lists in complete form with pagination and the created/modified filters; objects are linked by absolute
/// URLs under <c>App:PublicBaseUrl</c>. Open to everyone (CORS <c>*</c>), as the standard asks.
/// </summary>
public static class OParlEndpoints
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapOParl(this IEndpointRouteBuilder routes)
    {
        var oparl = routes.MapGroup(OParlUrls.Prefix).AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });
        oparl.MapGet("", SystemAsync);
        oparl.MapGet("/bodies", (HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync<OParlBody>(r, s, c => c.Urls.Bodies, c => [c.Directory.Body], ct));
        oparl.MapGet("/bodies/{bodyId}", BodyAsync);
        oparl.MapGet("/bodies/{bodyId}/organizations", (string bodyId, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, c => BodyList(c, bodyId, "organizations"),
                c => c.Directory.Organizations.OrderBy(o => o.Id, StringComparer.Ordinal), ct));
        oparl.MapGet("/bodies/{bodyId}/people", (string bodyId, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, c => BodyList(c, bodyId, "people"), c => c.Directory.People, ct));
        oparl.MapGet("/bodies/{bodyId}/memberships", (string bodyId, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, c => BodyList(c, bodyId, "memberships"), c => c.Directory.Memberships, ct));
        oparl.MapGet("/bodies/{bodyId}/consultations", (string bodyId, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, c => BodyList(c, bodyId, "consultations"),
                (c, all) => all.SelectMany(PaperModel.Entries).Select(c.Papers.Consultation), ct));
        oparl.MapGet("/bodies/{bodyId}/files", (string bodyId, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, c => BodyList(c, bodyId, "files"),
                (c, all) => all.SelectMany(m => c.Papers.Attachments(m).Prepend(c.Papers.File(m))), ct));
        oparl.MapGet("/bodies/{bodyId}/papers", PapersAsync);
        oparl.MapGet("/organizations/{id}", OrganizationAsync);
        oparl.MapGet("/organizations/{id}/consultations", (string id, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, c => OrganizationList(c, id, "consultations"),
                (c, all) => all.SelectMany(PaperModel.Entries).Where(e => e.OrganizationId == id).Select(c.Papers.Consultation), ct));
        oparl.MapGet("/people/{id}", PersonAsync);
        oparl.MapGet("/memberships/{organizationId}/{memberId}", MembershipAsync);
        oparl.MapMeetings();
        oparl.MapGet("/papers/{motionId}", (string motionId, OParlService s, CancellationToken ct) =>
            MotionObjectAsync(motionId, s, (c, m) => c.Papers.Paper(m), Outcomes.NotFound, ct));
        oparl.MapGet("/papers/{motionId}/consultations/{organizationId}/{occurrence:int}",
            (string motionId, string organizationId, int occurrence, OParlService s, CancellationToken ct) =>
                MotionObjectAsync(motionId, s, (c, m) =>
                    PaperModel.Entries(m).FirstOrDefault(e => e.OrganizationId == organizationId && e.Occurrence == occurrence) is { } entry
                        ? c.Papers.Consultation(entry)
                        : null,
                    "Diese Beratung gibt es nicht.", ct));
        oparl.MapGet("/files/{motionId}", (string motionId, OParlService s, CancellationToken ct) =>
            MotionObjectAsync(motionId, s, (c, m) => c.Papers.File(m), "Diese Datei gibt es nicht.", ct));
        oparl.MapGet("/files/{motionId}/anlagen/{number:int}", (string motionId, int number, OParlService s, CancellationToken ct) =>
            MotionObjectAsync(motionId, s,
                (c, m) => c.Papers.Attachments(m).FirstOrDefault(f => f.Id == c.Urls.Attachment(motionId, number)),
                "Diese Anlage gibt es nicht.", ct));
        oparl.MapGet("/files/{motionId}/antrag.html", (string motionId, OParlService s, CancellationToken ct) =>
            DocumentAsync(motionId, s, download: false, ct));
        oparl.MapGet("/files/{motionId}/download", (string motionId, OParlService s, CancellationToken ct) =>
            DocumentAsync(motionId, s, download: true, ct));
        oparl.MapGet("/{**rest}", () => NotFound("Diese Adresse gibt es in der OParl-Schnittstelle nicht."));
        return routes;
    }

    private static async Task<IResult> SystemAsync(OParlService service, CancellationToken ct) =>
        Ok((await service.ContextAsync(ct)).Directory.System);

    /// <summary>A list counted in memory: from the catalog alone, or (second overload) from every public motion too.</summary>
    /// <param name="url">The list's URL, or null when its owner (body, organization) does not exist.</param>
    private static Task<IResult> ListAsync<T>(HttpRequest request, OParlService service, Func<OParlContext, string?> url,
        Func<OParlContext, IEnumerable<T>> items, CancellationToken ct)
        where T : OParlObject =>
        ListAsync(request, service, url, c => Task.FromResult(items(c)), ct);

    /// <summary>Derived lists read the compact public projection in one range read.</summary>
    private static Task<IResult> ListAsync<T>(HttpRequest request, OParlService service, Func<OParlContext, string?> url,
        Func<OParlContext, IReadOnlyList<PublicMotion>, IEnumerable<T>> items, CancellationToken ct)
        where T : OParlObject =>
        ListAsync(request, service, url, async c => items(c, await service.Index.AllAsync(ct)), ct);

    /// <param name="load">Reads what the list holds, once the list is known to exist.</param>
    internal static async Task<IResult> ListAsync<T>(HttpRequest request, OParlService service, Func<OParlContext, string?> url,
        Func<OParlContext, Task<IEnumerable<T>>> load, CancellationToken ct)
        where T : OParlObject
    {
        var (query, error) = OParlQuery.Parse(request.Query);
        if (query is null)
        {
            return BadRequest(error!);
        }
        var context = await service.ContextAsync(ct);
        if (url(context) is not { } listUrl)
        {
            return NotFound("Diese Liste gibt es nicht.");
        }
        return Ok(query.PageOf(await load(context), listUrl));
    }

    internal static string? BodyList(OParlContext context, string bodyId, string list) =>
        bodyId == context.Catalog.Body.Id ? context.Urls.BodyList(list) : null;

    internal static string? OrganizationList(OParlContext context, string organizationId, string list) =>
        context.Catalog.Find(organizationId) is null ? null : context.Urls.Organization(organizationId) + "/" + list;

    private static async Task<IResult> BodyAsync(string bodyId, OParlService service, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        return bodyId == context.Catalog.Body.Id ? Ok(context.Directory.Body) : NotFound("Diese Körperschaft gibt es nicht.");
    }

    /// <summary>
    /// Papers page through the index: oldest registration first, or oldest change first when a modified filter is
    /// given. A page is one range read; its links carry the last key, so a client never misses or repeats a paper.
    /// </summary>
    private static async Task<IResult> PapersAsync(string bodyId, HttpRequest request, OParlService service, CancellationToken ct)
    {
        var (query, error) = OParlQuery.Parse(request.Query);
        if (query is null)
        {
            return BadRequest(error!);
        }
        var context = await service.ContextAsync(ct);
        if (bodyId != context.Catalog.Body.Id)
        {
            return NotFound("Diese Körperschaft gibt es nicht.");
        }
        var page = await service.Index.PageAsync(query.Range, query.After, query.Limit, ct);
        var url = context.Urls.BodyList("papers");
        return Ok(new OParlListPage<OParlPaper>(
            page.Items.Select(context.Papers.Paper).ToList(),
            new OParlPagination(query.Limit, query.Page),
            new OParlLinks(
                First: query.Link(url, 1),
                Self: query.Link(url, query.Page, query.After),
                Next: page.HasMore ? query.Link(url, query.Page + 1, page.LastKey) : null)));
    }

    private static async Task<IResult> OrganizationAsync(string id, OParlService service, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        return context.Catalog.Find(id) is { } organization
            ? Ok(context.Directory.Organizations.Single(o => o.Id == context.Urls.Organization(organization.Id)))
            : NotFound("Dieses Gremium gibt es nicht.");
    }

    private static async Task<IResult> PersonAsync(string id, OParlService service, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        return context.Directory.People.FirstOrDefault(p => p.Id == context.Urls.Person(id)) is { } person
            ? Ok(person)
            : NotFound("Diese Person gibt es nicht.");
    }

    private static async Task<IResult> MembershipAsync(string organizationId, string memberId, OParlService service, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        return context.Directory.Memberships.FirstOrDefault(m => m.Id == context.Urls.Membership(organizationId, memberId)) is { } membership
            ? Ok(membership)
            : NotFound("Diese Mitgliedschaft gibt es nicht.");
    }

    /// <summary>An object of one public motion, read from its record (fresh, not from the projection).</summary>
    private static async Task<IResult> MotionObjectAsync<T>(string motionId, OParlService service, Func<OParlContext, PublicMotion, T?> select,
        string missing, CancellationToken ct)
        where T : OParlObject
    {
        var context = await service.ContextAsync(ct);
        var found = await service.PublicRecordAsync(motionId, ct) is { } record ? select(context, PublicMotion.From(record)) : null;
        return found is null ? NotFound(missing) : Ok(found);
    }

    private static async Task<IResult> DocumentAsync(string motionId, OParlService service, bool download, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        if (await service.PublicRecordAsync(motionId, ct) is not { } record)
        {
            return NotFound("Diese Datei gibt es nicht.");
        }
        var html = Encoding.UTF8.GetBytes(MotionDocument.Render(record, context.Catalog));
        return download
            ? Results.File(html, "text/html; charset=utf-8", context.Papers.File(PublicMotion.From(record)).FileName)
            : Results.Bytes(html, "text/html; charset=utf-8");
    }

    internal static IResult Ok<T>(T value) => Results.Json(value, Json, "application/json; charset=utf-8");

    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string detail) =>
        Api.ApiProblems.Problem(StatusCodes.Status404NotFound, detail);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadRequest(string detail) =>
        Api.ApiProblems.Problem(StatusCodes.Status400BadRequest, detail);
}
