using System.Globalization;
using System.Text;

namespace Ratsworkflow.Benchmarks;

/// <summary>The results table: printed as it fills, written as Markdown at the end.</summary>
internal sealed class Report
{
    private readonly List<(string Area, string Metric, string Value, string Note)> _rows = [];
    private readonly List<string> _details = [];

    public void Add(string area, string metric, string value, string note = "")
    {
        note = (note.Length > 0 ? note + "; " : "") + "load " + Machine.LoadAverage();
        lock (_rows)
        {
            _rows.Add((area, metric, value, note));
        }
        Console.WriteLine($"  {area,-12} {metric,-58} {value,-22} {note}");
    }

    /// <summary>Longer breakdowns (per-operation request counts) that follow the table.</summary>
    public void Detail(string heading, IEnumerable<string> lines)
    {
        var block = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"#### {heading}").AppendLine().AppendLine("```");
        foreach (var line in lines)
        {
            block.AppendLine(line);
            Console.WriteLine("    " + line);
        }
        lock (_details)
        {
            _details.Add(block.AppendLine("```").ToString());
        }
    }

    public string ToMarkdown(string machine, string command, TimeSpan took)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}  ").AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}` (took {took.TotalMinutes:F1} min)").AppendLine();
        md.AppendLine("| area | metric | value | note |").AppendLine("|---|---|---|---|");
        foreach (var (area, metric, value, note) in _rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {area} | {metric} | {value} | {note} |");
        }
        md.AppendLine();
        foreach (var detail in _details)
        {
            md.AppendLine(detail);
        }
        return md.ToString();
    }

    public static string Ms(double ms) => ms >= 10_000 ? $"{ms / 1000:F1} s" : ms >= 100 ? $"{ms:F0} ms" : $"{ms:F1} ms";
}
