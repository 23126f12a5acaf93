namespace Ratsworkflow.Functions.Meetings;

/// <summary>The Sitzungsdienst: meetings, their agendas and how the motions follow them.</summary>
public static class MeetingRegistration
{
    /// <summary>Needs the storage clients, the motion domain and the workflow's <see cref="Workflow.CommandService"/>.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddSingleton<MeetingStore>();
        services.AddSingleton<AgendaKeeper>();
        services.AddSingleton<AgendaNumbers>();
        services.AddSingleton<MeetingPicker>();
        services.AddSingleton<MeetingSync>();
        services.AddSingleton<Periodic.IPeriodicWork>(sp => sp.GetRequiredService<MeetingSync>());
        services.AddSingleton<MeetingService>();
        services.AddSingleton<MeetingResults>();
        return services;
    }

    /// <summary>The JSON API and the agenda's download; the pages are Razor Pages under <c>/ratsbuero/sitzungen</c>.</summary>
    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder routes) => routes.MapMeetingApi().MapAgendaDownload();
}
