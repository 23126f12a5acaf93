using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ratsworkflow.Durable;
using Ratsworkflow.Durable.TestWorker;

// A worker process for the engine's kill and competing-consumer tests: args are the connection string and hub.
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var settings = new TestSettings
{
    ActivityDelay = TimeSpan.FromMilliseconds(int.Parse(Environment.GetEnvironmentVariable("RW_ACTIVITY_DELAY_MS") ?? "0", System.Globalization.CultureInfo.InvariantCulture)),
    ConnectionString = args[0],
};
builder.Services.AddSingleton(settings);
builder.Services.AddDurableTask(o =>
{
    o.StorageConnectionString = args[0];
    o.HubName = args[1];
    o.MessageLeaseTime = TimeSpan.FromSeconds(3);
    o.RetryDelay = TimeSpan.FromMilliseconds(200);
    o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
    o.TimerPollingInterval = TimeSpan.FromMilliseconds(200);
}, TestOrchestrations.Register);
Console.WriteLine("worker starting");
await builder.Build().RunAsync();
