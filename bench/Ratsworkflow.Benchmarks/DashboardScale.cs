using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// The clerk dashboard's first page and filtered pages with 1,000 … 100,000 stored motions, as JSON
/// (<c>GET /api/motions</c>) and as the clerks' HTML page with its counts per stage. Motions are bulk-loaded with the
/// app's own index mapping (<see cref="BulkLoader"/>) straight into Azurite; the pages are read from a running app
/// behind the counting proxy, so the storage requests per page are counted per table too. The same partition read
/// directly from Azurite shows what the emulator itself costs.
/// </summary>
internal static class DashboardScale
{
    private static readonly string[] Words =
    [
        "Integrationskonzept", "Radverkehr", "Schulsanierung", "Klimaschutz", "Wohnraum", "Spielplatz", "Stadtbibliothek",
        "Busverbindung", "Straßenbeleuchtung", "Kita-Plätze", "Sportstätten", "Quartiersentwicklung", "Baumschutz",
        "Seniorenbeirat", "Jugendzentrum", "Digitalisierung", "Bürgerhaushalt", "Lärmschutz", "Innenstadt", "Parkraum",
        "Barrierefreiheit", "Gewerbegebiet", "Photovoltaik", "Freibad", "Gleichstellung", "Obdachlosenhilfe", "Museum",
        "Friedhof", "Verkehrsberuhigung", "Stadtwald", "Kulturförderung", "Feuerwehr", "Sozialticket", "Wochenmarkt",
        "Hochwasserschutz", "Ganztagsschule", "Fahrradstraße", "Musikschule", "Stadtteilzentrum", "Ehrenamt",
    ];

    private static readonly string[] Factions = ["spd", "cdu", "gruene", "fdp", "linke", "volt-partei"];
    private static readonly (MotionStage Stage, int Weight)[] StageMix =
    [
        (MotionStage.Decided, 55), (MotionStage.Consultation, 15), (MotionStage.Council, 8), (MotionStage.BeiratReview, 7),
        (MotionStage.Registered, 3), (MotionStage.Withdrawn, 7), (MotionStage.AwaitingConfirmation, 5),
    ];

    private const int Chunk = 2_000;
    private const int LoadParallelism = 16;

    public static async Task RunAsync(Options options, MailSink mail, Report report)
    {
        await using var session = await Session.StartAsync(mail, countRequests: true, options.AppSettings);
        var tables = new TableServiceClient(session.Storage.ConnectionString);
        var indexTable = tables.GetTableClient(MotionIndex.TableName);
        var loaded = 0;
        var loadTime = TimeSpan.Zero;
        foreach (var size in options.ScaleSizes)
        {
            var watch = Stopwatch.StartNew();
            var stopped = false;
            while (loaded < size)
            {
                if (loadTime + watch.Elapsed > options.LoadBudget)
                {
                    stopped = true;
                    break;
                }
                var chunk = Enumerable.Range(loaded + 1, Math.Min(Chunk, size - loaded)).Select(i => NewMotion(i, new Random(i * 7919))).ToList();
                await BulkLoader.LoadAsync(tables, chunk, LoadParallelism);
                loaded += chunk.Count;
                if (loaded % 10_000 == 0)
                {
                    Console.WriteLine($"    loaded {loaded:N0} motions ({loadTime + watch.Elapsed:mm\\:ss})");
                }
            }
            loadTime += watch.Elapsed;
            var atSize = loaded;
            report.Add("scale", $"bulk load to {atSize:N0} motions (BulkLoader: the app's index rows and counters, transactions of ≤ 100, {LoadParallelism} parallel)", $"{watch.Elapsed.TotalSeconds:F0} s",
                $"{atSize / Math.Max(1, loadTime.TotalSeconds):F0} motions/s overall; {loadTime.TotalSeconds:F0} s since empty");
            if (stopped)
            {
                report.Add("scale", $"load stopped at {atSize:N0} of {size:N0}", "budget", $"over --load-budget-minutes {options.LoadBudget.TotalMinutes:F0}");
            }

            var queries = new (string Name, string Query, string Partition, bool Html)[]
            {
                ("GET /api/motions first page", "", MotionIndex.All, false),
                ("GET /api/motions?stage=Consultation", "?stage=Consultation", MotionIndex.StagePartition(MotionStage.Consultation), false),
                ("GET /api/motions?q=radverkehr (1 of 40 title words)", "?q=radverkehr", MotionIndex.WordPartition("radverkehr"), false),
                ("GET /api/motions?stage=Council&factionId=spd", "?stage=Council&factionId=spd", MotionIndex.StagePartition(MotionStage.Council), false),
                ("GET /ratsbuero (HTML, with the counts per stage)", "", MotionIndex.All, true),
                ("GET /ratsbuero?stage=Consultation (HTML)", "?stage=Consultation", MotionIndex.StagePartition(MotionStage.Consultation), true),
            };
            foreach (var (name, query, partition, html) in queries)
            {
                var api = session.Api;
                Func<Task<(int, double)>> get = html ? () => api.DashboardPageAsync(query) : () => api.ListAsync(query);
                await get(); // warm
                var before = session.Proxy!.Tally.Snapshot();
                var times = new List<double>();
                var items = 0;
                var n = options.Quick ? 5 : 15;
                for (var r = 0; r < n; r++)
                {
                    var (count, ms) = await get();
                    times.Add(ms);
                    items = count;
                }
                var requests = (session.Proxy.Tally.Snapshot() - before).Requests;
                // The app's own tables only: the engine's queue and timer polls go on in the background meanwhile.
                var perTable = requests.Where(q => q.Key.Service == "Table" && !q.Key.IsEngine).GroupBy(q => q.Key.Resource).ToDictionary(g => g.Key, g => g.Sum(q => q.Value) / (double)n);
                var others = string.Join(", ", perTable.Where(t => t.Key != MotionIndex.TableName).Select(t => $"{t.Key} {t.Value:F1}"));
                var raw = new List<double>();
                for (var r = 0; r < n; r++)
                {
                    raw.Add(await Storage.RawPageMsAsync(indexTable, partition));
                }
                report.Add("scale", $"{atSize:N0} motions: {name} (p50 / p95)",
                    $"{Report.Ms(Stats.Median(times))} / {Report.Ms(Stats.Percentile(times, 95))}",
                    $"{items} rows; requests/page: {MotionIndex.TableName} {perTable.GetValueOrDefault(MotionIndex.TableName):F1}{(others.Length > 0 ? ", " + others : "")}; same partition read directly from Azurite: {Report.Ms(Stats.Median(raw))}");
            }
            if (stopped)
            {
                break;
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static MotionRecord NewMotion(int i, Random random)
    {
        var created = DateTimeOffset.UtcNow.AddMinutes(-random.Next(0, 3 * 365 * 24 * 60));
        var title = string.Join(' ', Enumerable.Range(0, 3).Select(_ => Words[random.Next(Words.Length)])) + $" Nr. {i}";
        var roll = random.Next(100);
        var stage = MotionStage.Decided;
        foreach (var (s, weight) in StageMix)
        {
            if (roll < weight)
            {
                stage = s;
                break;
            }
            roll -= weight;
        }
        if (stage == MotionStage.AwaitingConfirmation)
        {
            // Younger than Workflow:ConfirmationExpiry (7 d): older ones would be expired and deleted by the app's
            // housekeeping while the pages are measured.
            created = DateTimeOffset.UtcNow.AddMinutes(-random.Next(1, 3 * 24 * 60));
        }
        return new MotionRecord
        {
            MotionId = Guid.NewGuid().ToString("N"),
            Reference = stage == MotionStage.AwaitingConfirmation ? null : $"A/{created.Year}/{i:D5}",
            FactionId = Factions[random.Next(Factions.Length)],
            SubmitterName = "Maria Beispiel",
            SubmitterEmail = "maria.beispiel@example.org",
            Title = title,
            ResolutionText = "Die Verwaltung wird beauftragt, " + title + " zu prüfen und dem Rat einen Vorschlag vorzulegen.",
            Justification = "Begründung für " + title + ". " + new string('x', 400),
            CreatedAt = created,
            // Changed within the retention period: an ended motion older than that would be due for the app's
            // retention job, which would look up (absent) records on every tick while pages are measured.
            UpdatedAt = Max(created, DateTimeOffset.UtcNow.AddMinutes(-random.Next(0, 300 * 24 * 60))),
            Stage = stage,
            Status = stage.ToString(),
            WaitingFor = "Ratsbüro",
        };
    }
}
