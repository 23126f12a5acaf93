using Ratsworkflow.Functions;

// The content root is the app's own folder, wherever it is started from: ./run.sh starts it from the repository root,
// where neither appsettings.json (the log levels that keep link tokens out of logs, the sample municipality) nor
// host.json would be found.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddRatsworkflow();
var app = builder.Build();
app.MapRatsworkflow();
app.Run();

/// <summary>Entry point, visible to tests that host the app in-process.</summary>
public partial class Program;
