using System.Text.Json;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// The task hub the app's engine runs on. DurableTask.AzureStorage names every resource it creates after it:
/// tables <c>{hub}History</c> and <c>{hub}Instances</c>, queues <c>{hub}-control-00…</c> and <c>{hub}-workitems</c>,
/// blob containers <c>{hub}-leases</c>, <c>{hub}-applease</c> (partition leases) and <c>{hub}-largemessages</c>. So a
/// storage request is the engine's exactly when its resource starts with the hub name.
/// </summary>
internal static class TaskHub
{
    public const string Setting = "extensions__durableTask__hubName";

    /// <summary>The name the app will use: a <c>--set</c> override, else host.json next to the app's dll.</summary>
    public static string Name(IDictionary<string, string?>? appSettings)
    {
        if (appSettings is not null && appSettings.TryGetValue(Setting, out var set) && !string.IsNullOrEmpty(set))
        {
            return set;
        }
        var hostJson = Path.Combine(Path.GetDirectoryName(AppUnderTest.Dll)!, "host.json");
        using var json = JsonDocument.Parse(File.ReadAllText(hostJson));
        return json.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString()
            ?? throw new InvalidOperationException($"{hostJson} names no task hub.");
    }

    public static bool Owns(string hub, string resource) => resource.StartsWith(hub, StringComparison.OrdinalIgnoreCase);
}
