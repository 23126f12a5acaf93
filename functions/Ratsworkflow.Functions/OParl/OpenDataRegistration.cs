using Ratsworkflow.Functions.Calendar;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.OParl;

// In the composition root's namespace, so Startup needs one line each and no using.
namespace Ratsworkflow.Functions;

/// <summary>Open data for everyone: the OParl 1.1 API, the calendar feeds and what the public pages read.</summary>
public static class OpenDataRegistration
{
    /// <summary>Needs the storage clients and the motion domain (organization store).</summary>
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton<PublicMotionIndex>();
        services.AddSingleton<CatalogStamps>();
        services.AddSingleton<OParlService>();
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder routes)
    {
        routes.MapOParl();
        routes.MapCalendars();
        return routes;
    }
}
