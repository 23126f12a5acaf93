using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Durable;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>The workflow inside the app: the orchestrator and its steps on the durable engine, and what they use.</summary>
public static class WorkflowRegistration
{
    public static WebApplicationBuilder AddWorkflow(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddHostJson(builder.Environment.ContentRootPath);
        var configuration = builder.Configuration;
        builder.Services.AddDurableEngine(configuration, Register);
        builder.Services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section));
        builder.Services.AddSingleton<BallotStore>();
        builder.Services.AddSingleton<VoteService>();
        // Its pause is real time: the app's clock may be a test's, which moves only when a deadline is wanted.
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<VoteAnnouncer>(sp, TimeProvider.System));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<VoteAnnouncer>());
        builder.Services.AddHostedService<VoteCatchUp>();
        builder.Services.AddSingleton<MotionIndex>();
        builder.Services.AddSingleton<MotionStore>();
        builder.Services.AddSingleton<WorkflowServices>();
        builder.Services.AddSingleton<Submission.SubmissionKeys>();
        builder.Services.AddSingleton<Submission.SubmissionService>();
        builder.Services.AddSingleton<CommandService>();
        builder.Services.AddSingleton<CommandAcks>();
        builder.Services.AddSingleton<Periodic.IPeriodicWork, Submission.ConfirmationExpiry>();
        builder.Services.AddSingleton<Periodic.IPeriodicWork, MotionCountsRecount>();
        builder.Services.AddSingleton<Privacy.PersonalDataRetention>();
        builder.Services.AddSingleton<Periodic.IPeriodicWork>(sp => sp.GetRequiredService<Privacy.PersonalDataRetention>());
        return builder;
    }

    /// <summary>Every orchestrator and step of the app, by name and version.</summary>
    public static void Register(TaskRegistry registry)
    {
        registry.AddOrchestrator<RatsbeschlussOrchestrator>(RatsbeschlussOrchestrator.Name, RatsbeschlussOrchestrator.Version);
        foreach (var step in WorkflowSteps.All)
        {
            registry.AddActivity(step.Name, step.ActivityType);
        }
    }
}
