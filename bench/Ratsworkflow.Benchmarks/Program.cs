using System.Diagnostics;
using Ratsworkflow.Benchmarks;

// The benchmark of docs/benchmarks.md. Starts Azurite (in memory, free ports) and the real app as a child process for
// each measurement, drives the app only through its JSON API and the mails it sends, and prints a results table.
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// Azurite keeps everything in one Node heap; 100,000 motions need more than Node's default limit.
Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=16384");
var machine = Machine.Describe();
var command = "scripts/bench.sh " + string.Join(' ', args);
Console.WriteLine($"Ratsworkflow benchmark — {machine}");
Console.WriteLine(command);
var report = new Report();
var total = Stopwatch.StartNew();
await using var mail = await MailSink.StartAsync();
try
{
    // Each scenario starts its own Azurite and app; the heading says when it began and how loaded the machine was.
    async Task Scenario(string name, string title, Func<Task> run)
    {
        if (options.Runs_(name))
        {
            Console.WriteLine($"== {title} (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
            await run();
        }
    }
    StepCosts.Result? cost = options.WorkRequestsPerMotion is { } known ? new StepCosts.Result(known, known) : null;
    await Scenario("coldstart", "cold start", () => ColdStart.RunAsync(options, mail, report));
    await Scenario("mail", "mail transports", () => MailTransports.RunAsync(options, mail, report));
    await Scenario("raw", "raw storage", () => RawStorage.RunAsync(options, report));
    await Scenario("cost", "storage requests per step (counting proxy)", async () => cost = await StepCosts.RunAsync(options, mail, report));
    await Scenario("idle", "idle cost (counting proxy)", () => IdleCost.RunAsync(options, mail, report));
    await Scenario("throughput", "throughput", () => Throughput.RunAsync(options, mail, report, cost));
    await Scenario("latency", "vote latency", () => VoteLatency.RunAsync(options, mail, report));
    await Scenario("recovery", "recovery after kill -9", () => Recovery.RunAsync(options, mail, report));
    await Scenario("scale", "dashboard scale", () => DashboardScale.RunAsync(options, mail, report));
    if (options.MemoryMotions > 0)
    {
        await Scenario("memory", "memory", () => Memory.RunAsync(options, mail, report));
    }
}
catch (Exception e)
{
    Console.Error.WriteLine("Benchmark failed: " + e);
    return 1;
}

var markdown = report.ToMarkdown(machine, command, total.Elapsed);
var output = options.Output ?? Path.Combine(Ratsworkflow.Testing.RepositoryPaths.Root, "artifacts", "bench", $"results-{DateTime.UtcNow:yyyyMMdd-HHmmss}{(options.Quick ? "-quick" : "")}.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, markdown);
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"Results written to {output} ({total.Elapsed.TotalSeconds:F0} s).");
return 0;
