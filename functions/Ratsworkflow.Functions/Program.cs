using Ratsworkflow.Functions;

var builder = WebApplication.CreateBuilder(args);
builder.AddRatsworkflow();
var app = builder.Build();
app.MapRatsworkflow();
app.Run();

/// <summary>Entry point, visible to tests that host the app in-process.</summary>
public partial class Program;
