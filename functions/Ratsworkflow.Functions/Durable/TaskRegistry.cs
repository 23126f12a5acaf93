using Microsoft.DurableTask;

namespace Ratsworkflow.Functions.Durable;

/// <summary>
/// The orchestrators (by name and version: an instance replays with the version it started with) and activities the
/// worker runs. Activities come from DI, so they get the app's services; orchestrators are created per run.
/// </summary>
public sealed class TaskRegistry
{
    private readonly List<OrchestratorEntry> _orchestrators = [];
    private readonly List<ActivityEntry> _activities = [];

    public IReadOnlyList<OrchestratorEntry> Orchestrators => _orchestrators;
    public IReadOnlyList<ActivityEntry> Activities => _activities;

    public TaskRegistry AddOrchestrator<T>(string name, string version) where T : ITaskOrchestrator, new()
    {
        _orchestrators.Add(new OrchestratorEntry(name, version, () => new T()));
        return this;
    }

    public TaskRegistry AddActivity(string name, Type type)
    {
        if (!typeof(ITaskActivity).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type.Name} is not an activity.", nameof(type));
        }
        _activities.Add(new ActivityEntry(name, type));
        return this;
    }

    public sealed record OrchestratorEntry(string Name, string Version, Func<ITaskOrchestrator> Create);

    public sealed record ActivityEntry(string Name, Type Type);
}
