using Ratsworkflow.Durable;
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
        return builder;
    }
}
