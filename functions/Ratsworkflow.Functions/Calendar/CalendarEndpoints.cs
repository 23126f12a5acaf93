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
            FeedAsync(organizationId, service, o => o.Kind != OrganizationKind.Faction,
                (feed, o, all, agendas) => feed.ForOrganization(o, agendas, all), ct));
        routes.MapGet("/kalender/fraktion/{factionId}.ics", (string factionId, OParlService service, CancellationToken ct) =>
            FeedAsync(factionId, service, o => o.Kind == OrganizationKind.Faction,
                (feed, o, all, agendas) =>
                    feed.ForFaction(o, all, agendas.ToDictionary(a => a.Meeting.Id, a => a.Meeting, StringComparer.Ordinal)), ct));
        return routes;
    }

    private static async Task<IResult> FeedAsync(string id, OParlService service, Func<Organization, bool> fits,
        Func<CalendarFeed, Organization, IReadOnlyList<Motions.PublicMotion>, IReadOnlyList<Meetings.Agenda>, string> render, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        if (context.Catalog.Find(id) is not { } organization || !fits(organization))
        {
            return Results.NotFound();
        }
        var all = service.Index.AllAsync(ct);
        // An organization's feed reads its own meetings; a faction's those of every body, for start and place.
        var agendas = service.AgendasAsync(context.Catalog, organization.Kind == OrganizationKind.Faction ? null : organization.Id, ct);
        await Task.WhenAll(all, agendas);
        return Results.Text(render(new CalendarFeed(context.Catalog, context.Urls), organization, all.Result, agendas.Result), ContentType);
    }
}
