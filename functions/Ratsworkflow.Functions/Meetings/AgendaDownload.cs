using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Security;

namespace Ratsworkflow.Functions.Meetings;

/// <summary><c>GET /ratsbuero/sitzungen/{meetingId}/tagesordnung.html</c> (clerk): the Tagesordnung as a file of its own.</summary>
public static class AgendaDownload
{
    public static IEndpointRouteBuilder MapAgendaDownload(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ratsbuero/sitzungen/{meetingId}/tagesordnung.html", DownloadAsync).RequireAuthorization(ClerkAuthentication.PolicyName);
        return routes;
    }

    private static async Task<IResult> DownloadAsync(string meetingId, MeetingStore store, OrganizationStore organizations,
        IWebHostEnvironment environment, HttpResponse response, CancellationToken ct)
    {
        if (await store.GetAgendaAsync(meetingId, ct) is not { } agenda)
        {
            return Results.NotFound();
        }
        var html = AgendaDocument.Download(agenda, await organizations.GetCatalogAsync(ct), await StylesAsync(environment, ct));
        response.Headers.CacheControl = "no-store";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", AgendaDocument.FileName(agenda));
    }

    /// <summary>The print styles the page links to, put into the file so it looks the same offline.</summary>
    private static async Task<string> StylesAsync(IWebHostEnvironment environment, CancellationToken ct)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(AgendaDocument.Stylesheet);
        if (!file.Exists)
        {
            return "";
        }
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
