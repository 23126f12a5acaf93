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
    if (options.Runs_("coldstart"))
    {
        Console.WriteLine($"== cold start (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
        await ColdStart.RunAsync(options, mail, report);
    }
    if (options.Runs_("mail"))
    {
        Console.WriteLine($"== mail transports (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
        await MailTransports.RunAsync(options, mail, report);
    }
    if (options.Runs_("raw"))
    {
        Console.WriteLine($"== raw storage (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
        await RawStorage.RunAsync(options, report);
    }
    StepCosts.Result? cost = options.WorkRequestsPerMotion is { } known ? new StepCosts.Result(known, known) : null;
    if (options.Runs_("cost"))
    {
        Console.WriteLine($"== storage requests per step (counting proxy) (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
        cost = await StepCosts.RunAsync(options, mail, report);
    }
    if (options.Runs_("throughput"))
    {
        Console.WriteLine($"== throughput (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
        await Throughput.RunAsync(options, mail, report, cost);
    }
    if (options.Runs_("latency"))
    {
        Console.WriteLine($"== vote latency (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
        await VoteLatency.RunAsync(options, mail, report);
    }
    if (options.Runs_("scale"))
    {
        Console.WriteLine($"== dashboard scale (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
        await DashboardScale.RunAsync(options, mail, report);
    }
    if (options.Runs_("memory") && options.MemoryMotions > 0)
    {
        Console.WriteLine($"== memory (at {total.Elapsed.TotalSeconds:F0} s, load average {Machine.LoadAverage()})");
        await Memory.RunAsync(options, mail, report);
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
