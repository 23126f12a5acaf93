namespace Ratsworkflow.Durable;

/// <summary>
/// Orchestrators by name and version, activities by name. An instance replays with the version it started with,
/// so old motions keep running on old code while new ones start on the newest version.
/// </summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<(string Name, string Version), Type> _orchestrators = new(NameVersionComparer.Instance);
    private readonly Dictionary<string, string> _latestVersions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<Type> OrchestratorTypes => _orchestrators.Values;
    public IEnumerable<Type> ActivityTypes => _activities.Values;

    public DurableTaskRegistry AddOrchestrator<T>(string? name = null, string version = "1") where T : class, ITaskOrchestrator
    {
        var key = name ?? typeof(T).Name;
        _orchestrators[(key, version)] = typeof(T);
        if (!_latestVersions.TryGetValue(key, out var latest) || CompareVersions(version, latest) > 0)
        {
            _latestVersions[key] = version;
        }
        return this;
    }

    public DurableTaskRegistry AddActivity<T>(string? name = null) where T : class, ITaskActivity
    {
        _activities[name ?? typeof(T).Name] = typeof(T);
        return this;
    }

    public string? LatestVersion(string orchestratorName) => _latestVersions.GetValueOrDefault(orchestratorName);

    public Type? FindOrchestrator(string name, string version) => _orchestrators.GetValueOrDefault((name, version));

    public Type? FindActivity(string name) => _activities.GetValueOrDefault(name);

    private static int CompareVersions(string a, string b) =>
        Version.TryParse(Normalize(a), out var va) && Version.TryParse(Normalize(b), out var vb)
            ? va.CompareTo(vb)
            : string.CompareOrdinal(a, b);

    private static string Normalize(string version) => version.Contains('.', StringComparison.Ordinal) ? version : version + ".0";

    private sealed class NameVersionComparer : IEqualityComparer<(string Name, string Version)>
    {
        public static readonly NameVersionComparer Instance = new();

        public bool Equals((string Name, string Version) x, (string Name, string Version) y) =>
            string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Version, y.Version, StringComparison.Ordinal);

        public int GetHashCode((string Name, string Version) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name), obj.Version);
    }
}
