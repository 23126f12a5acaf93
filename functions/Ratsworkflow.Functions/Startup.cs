using Ratsworkflow.Functions.Api;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Health;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Periodic;
using Ratsworkflow.Functions.Storage;
using Ratsworkflow.Functions.Web;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions;

/// <summary>Composition root: everything the app registers and maps, in one place.</summary>
public static class Startup
{
    public static WebApplicationBuilder AddRatsworkflow(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddStorageClients(builder.Configuration);
        builder.Services.AddMotionDomain(builder.Configuration);
        builder.Services.AddAttachments(builder.Configuration);
        builder.Services.AddEmail(builder.Configuration);
        builder.AddSecurity();
        builder.AddWeb();
        builder.AddWorkflow();
        builder.Services.AddMeetings();
        builder.Services.AddPeriodicWork();
        builder.Services.AddOpenData();
        return builder;
    }

    public static WebApplication MapRatsworkflow(this WebApplication app)
    {
        app.UseErrorPages();
        app.UseSecurity();
        app.UseWeb();
        app.MapHealth();
        app.MapOrganizations();
        app.MapMotionApi();
        app.MapMeetings();
        app.MapOpenData();
        app.MapWeb();
        return app;
    }
}
