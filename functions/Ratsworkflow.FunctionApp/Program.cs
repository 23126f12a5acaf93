using Microsoft.Azure.Functions.Worker.Builder;
using Ratsworkflow.FunctionApp.Hosting;

// The Functions worker: ASP.NET Core integration for the HTTP function, Durable and timer extensions by package.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddRatsworkflowFunctions();
builder.Build().Run();
