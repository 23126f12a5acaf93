using System.Diagnostics;
using System.Globalization;

namespace Ratsworkflow.Benchmarks;

/// <summary>What the figures were measured on, and per-process figures read from /proc (Linux only).</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memKb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var mem = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:F1} GiB" : "unknown memory";
        return $"{Environment.ProcessorCount} CPUs (nproc), {cpu}, {mem} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>The 1-minute load average: other work on the machine shows here (the benchmark itself adds about 1–2).</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Peak resident set size (VmHWM) of a process, in MiB.</summary>
    public static double PeakWorkingSetMiB(int pid) => StatusKb(pid, "VmHWM") / 1024.0;

    public static double WorkingSetMiB(int pid) => StatusKb(pid, "VmRSS") / 1024.0;

    /// <summary>User + system CPU time a process (not its children) has used so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields after the command: state is [0], utime is field 14 overall => index 11 here, stime index 12.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    private static long StatusKb(int pid, string field)
    {
        var value = ReadField($"/proc/{pid}/status", field);
        return long.TryParse(value?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kb) ? kb : 0;
    }

    private static string? ReadField(string path, string name)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line[..colon].Trim() == name)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }
}

/// <summary>Waits for processes to fall quiet: the next measurement should not pay for the last one's leftover work.</summary>
internal static class Quiet
{
    /// <summary>
    /// Until the processes together used less than <paramref name="maxCores"/> over half a second, or
    /// <paramref name="timeout"/>; returns how long it waited. The engine's idle polling costs app and Azurite together
    /// ~0.1 cores (a freshly started app more while it compiles); other work on the machine does not count.
    /// </summary>
    public static async Task<TimeSpan> WaitAsync(IReadOnlyList<int> pids, double maxCores = 0.3, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)))
        {
            var meters = pids.Select(p => new CpuMeter(p)).ToList();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            if (meters.Sum(m => m.Cores) < maxCores)
            {
                break;
            }
        }
        return watch.Elapsed;
    }
}

/// <summary>CPU used by a process, or summed by several (Azurite's services), between two points, as a share of one core.</summary>
internal sealed class CpuMeter(params int[] pids)
{
    private readonly TimeSpan _start = Total(pids);
    private readonly DateTime _at = DateTime.UtcNow;

    public TimeSpan Used => Total(pids) - _start;

    private static TimeSpan Total(int[] pids) => pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + Machine.CpuTime(pid));

    /// <summary>1.0 = one core busy the whole time.</summary>
    public double Cores => Used.TotalSeconds / Math.Max(0.001, (DateTime.UtcNow - _at).TotalSeconds);
}
