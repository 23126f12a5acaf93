using Ratsworkflow.Functions.OParl;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Calendar;

/// <summary>
/// <c>/kalender/gremium/{organizationId}.ics</c> (committees, council, Beirat) and
/// <c>/kalender/fraktion/{factionId}.ics</c>: public iCalendar feeds to subscribe to.
/// </summary>
public static class CalendarEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/kalender/gremium/{organizationId}.ics", (string organizationId, OParlService service, CancellationToken ct) =>
            FeedAsync(organizationId, service, o => o.Kind != OrganizationKind.Faction, (feed, o, all) => feed.ForOrganization(o, all), ct));
        routes.MapGet("/kalender/fraktion/{factionId}.ics", (string factionId, OParlService service, CancellationToken ct) =>
            FeedAsync(factionId, service, o => o.Kind == OrganizationKind.Faction, (feed, o, all) => feed.ForFaction(o, all), ct));
        return routes;
    }

    private static async Task<IResult> FeedAsync(string id, OParlService service, Func<Organization, bool> fits,
        Func<CalendarFeed, Organization, IReadOnlyList<Motions.PublicMotion>, string> render, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        if (context.Catalog.Find(id) is not { } organization || !fits(organization))
        {
            return Results.NotFound();
        }
        var all = await service.Index.AllAsync(ct);
        return Results.Text(render(new CalendarFeed(context.Catalog, context.Urls), organization, all), ContentType);
    }
}
