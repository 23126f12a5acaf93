using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>The durable engine inside the app: settings from host.json, storage from the app's <see cref="StorageAccount"/>.</summary>
public static class WorkflowRegistration
{
    public static WebApplicationBuilder AddWorkflow(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddHostJson(builder.Environment.ContentRootPath);
        var configuration = builder.Configuration;
        builder.Services.AddDurableTask(options => HostSettings.Apply(configuration, options), WorkflowCatalog.Register);
        builder.Services.AddOptions<DurableTaskOptions>().Configure<StorageAccount>((options, storage) => storage.ApplyTo(options));
        builder.Services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section));
        builder.Services.AddSingleton<IOrchestrationFailureObserver, MotionFailureObserver>();
        builder.Services.AddSingleton<MotionIndex>();
        builder.Services.AddSingleton<MotionStore>();
        builder.Services.AddSingleton<WorkflowServices>();
        builder.Services.AddSingleton<Submission.SubmissionKeys>();
        builder.Services.AddSingleton<Submission.SubmissionService>();
        builder.Services.AddSingleton<CommandService>();
        builder.Services.AddSingleton<CommandAcks>();
        builder.Services.AddSingleton<FunctionsHost.IPeriodicWork, Submission.ConfirmationExpiry>();
        builder.Services.AddSingleton<FunctionsHost.IPeriodicWork, MotionCountsRecount>();
        builder.Services.AddSingleton<Privacy.PersonalDataRetention>();
        builder.Services.AddSingleton<FunctionsHost.IPeriodicWork>(sp => sp.GetRequiredService<Privacy.PersonalDataRetention>());
        return builder;
    }
}
