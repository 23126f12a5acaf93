using System.Globalization;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Where a vote's time goes (<c>--profile</c>): the storage requests counted while a batch of votes was being answered,
/// per vote, with Azurite's mean time for each (request head in → first byte of the answer out, at the proxy). The
/// orchestrator may begin counting within the window; its requests (History, Instances writes, work items) show
/// beside the vote's own (token, ballot, instance lookup, control-queue send).
/// </summary>
internal static class VoteProfile
{
    public static void Add(Report report, string shape, List<(TallySnapshot Requests, int Votes)> windows)
    {
        var votes = windows.Sum(w => w.Votes);
        var all = windows.Select(w => w.Requests).Aggregate((a, b) => a + b);
        var work = all.Requests.Where(r => !r.Key.IsPolling).ToList();
        var perVote = work.Sum(r => r.Value) / (double)votes;
        var msPerVote = work.Sum(r => r.Value * all.MeanMs(r.Key)) / votes;
        report.Add("latency", $"profile, {shape}: storage requests per vote / Azurite time per vote (sum)", $"{perVote:F1} / {Report.Ms(msPerVote)}",
            $"{votes} votes; every request in the windows but engine polling, orchestrator work included");
        report.Detail($"Storage requests per vote and Azurite's mean time — {shape}", work
            .OrderByDescending(r => r.Value * all.MeanMs(r.Key))
            .Select(r => $"{(r.Key.IsEngine ? "engine" : "app   ")}  {r.Key.Service,-5} {r.Key.Resource,-28} {r.Key.Operation,-14} " +
                string.Create(CultureInfo.InvariantCulture, $"{r.Value / (double)votes,6:F2} per vote  {all.MeanMs(r.Key),7:F1} ms each")));
    }
}
