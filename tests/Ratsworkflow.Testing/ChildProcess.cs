using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ratsworkflow.Testing;

/// <summary>A process started by a test and killed with its children when the test is done.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private static readonly HashSet<int> HandedOut = [];
    private readonly StringBuilder _output = new();
    private StreamWriter? _log;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <param name="logFile">Where every line goes as well, unbounded (<see cref="Output"/> keeps only the first 200,000 characters).</param>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, string? workingDirectory = null,
        string? logFile = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process) { _log = logFile is null ? null : new StreamWriter(logFile) { AutoFlush = true } };
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// A port free now and not handed out before by this process. The system gives a port it just released again, so
    /// without the second rule the app (port taken first) and the Azurite started after it got the same port once, and
    /// every browser test failed at start.
    /// </summary>
    public static int FreeTcpPort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <param name="owner">The process that should listen: its exit ends the wait at once, with what it printed.</param>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout, ChildProcess? owner = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (owner is { HasExited: true })
            {
                throw new InvalidOperationException($"The process exited before it listened on port {port}: {owner.Output}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"Nothing listens on port {port} after {timeout}.");
    }

    /// <summary>Kills the process tree at once, like a crash or an OOM kill would.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>
    /// Asks the process to end (SIGTERM, or <paramref name="signal"/>) so it can save what it holds, and waits for it;
    /// kills it when it does not end within <paramref name="timeout"/>. Returns whether it ended by itself.
    /// </summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout, string signal = "TERM")
    {
        if (_process.HasExited)
        {
            return true;
        }
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }
        using var waited = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(waited.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            KillHard();
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            KillHard();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        lock (_output)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
            _log?.WriteLine(line);
        }
    }
}
