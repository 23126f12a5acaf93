using System.Globalization;

namespace Ratsworkflow.Benchmarks;

/// <summary>Command-line options; <c>--quick</c> is the smoke mode (well under a minute), the default is the full run.</summary>
internal sealed record Options
{
    public bool Quick { get; init; }
    public int Runs { get; init; } = 3;
    public HashSet<string> Only { get; init; } = [];
    public int[] InFlight { get; init; } = [1, 10, 100];
    public int[] ScaleSizes { get; init; } = [1_000, 10_000, 100_000];
    public int MemoryMotions { get; init; } = 10_000;
    public int Voters { get; init; } = 50;
    public int[] IdleMotions { get; init; } = [0, 100];
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromMinutes(3);
    public int RecoveryMotions { get; init; } = 50;

    /// <summary>Vote latency behind the counting proxy too: requests per vote and Azurite's time for each.</summary>
    public bool Profile { get; init; }
    public TimeSpan LoadBudget { get; init; } = TimeSpan.FromMinutes(10);
    public string? Output { get; init; }
    public double? WorkRequestsPerMotion { get; init; }
    public Dictionary<string, string?> AppSettings { get; init; } = [];

    public static readonly string[] Scenarios = ["coldstart", "mail", "raw", "cost", "idle", "throughput", "latency", "recovery", "scale", "memory"];

    public bool Runs_(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int[] Ints() => Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            options = args[i] switch
            {
                "--quick" => options with
                {
                    Quick = true, Runs = 1, InFlight = [3], ScaleSizes = [200], MemoryMotions = 0, Voters = 3,
                    IdleMotions = [3], IdleWindow = TimeSpan.FromSeconds(10), RecoveryMotions = 3,
                    Only = options.Only.Count > 0 ? options.Only : Scenarios.Where(s => s != "memory").ToHashSet(),
                },
                "--runs" => options with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--only" => options with { Only = Next().Split(',').ToHashSet() },
                "--in-flight" => options with { InFlight = Ints() },
                "--scale" => options with { ScaleSizes = Ints() },
                "--memory-motions" => options with { MemoryMotions = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--voters" => options with { Voters = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--idle" => options with { IdleMotions = Ints() },
                "--idle-minutes" => options with { IdleWindow = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--recovery-motions" => options with { RecoveryMotions = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--profile" => options with { Profile = true },
                "--load-budget-minutes" => options with { LoadBudget = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--output" => options with { Output = Next() },
                "--requests-per-motion" => options with { WorkRequestsPerMotion = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--set" => options.With(Next()),
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        return options;
    }

    private Options With(string setting)
    {
        var eq = setting.IndexOf('=', StringComparison.Ordinal);
        var copy = new Dictionary<string, string?>(AppSettings) { [setting[..eq]] = setting[(eq + 1)..] };
        return this with { AppSettings = copy };
    }

    public const string Usage = """
        Usage: scripts/bench.sh [--quick] [--runs N]
                                [--only coldstart,mail,raw,cost,idle,throughput,latency,recovery,scale,memory]
                                [--in-flight 1,10,100] [--scale 1000,10000,100000] [--memory-motions 10000]
                                [--voters 50] [--idle 0,100] [--idle-minutes 3] [--recovery-motions 50] [--profile]
                                [--load-budget-minutes 10] [--output file.md] [--set Env__Key=value]
                                [--requests-per-motion N]  (for the throughput ratio when cost is not run)
          --quick    smoke mode: every scenario but memory, small sizes, one run (< 2 min)
          --profile  latency also behind the counting proxy: storage requests per vote and Azurite's time for each
          --set      extra environment for the app (host.json keys as Section__Key), e.g.
                     --set extensions__durableTask__maxConcurrentActivityFunctions=32
                     --set extensions__durableTask__storageProvider__maxQueuePollingInterval=00:00:00.250
        """;
}
