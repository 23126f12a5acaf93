using Azure.Data.Tables;
using Ratsworkflow.Functions.Motions;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>
/// The motion tables emptied on a test class's Azurite (their names are fixed), and a store and index that reach
/// them through a request log, so tests can count what a save costs per table.
/// </summary>
internal sealed class MotionTables
{
    public MotionTables(string connectionString)
    {
        var tables = new TableServiceClient(connectionString);
        foreach (var table in new[] { MotionStore.TableName, MotionIndex.TableName, PublicMotionIndex.TableName, MotionCounts.TableName })
        {
            tables.DeleteTable(table);
        }
        var logged = Log.Client(connectionString);
        Index = new MotionIndex(logged);
        Store = new MotionStore(logged, Index);
    }

    public TableRequestLog Log { get; } = new();

    public MotionIndex Index { get; }

    public MotionStore Store { get; }

    /// <summary>A registered motion of the SPD, created on day 1 plus <paramref name="minute"/> minutes.</summary>
    public async Task<MotionRecord> CreateAsync(string title, int minute = 0)
    {
        var motion = Registered(title, At(1).AddMinutes(minute), minute + 1);
        Assert.True(await Store.CreateAsync(motion, new TimelineEntry(motion.CreatedAt, "registered", "registriert")));
        return motion;
    }

    /// <summary>A registered motion of the SPD (not stored) with reference A/2026/<paramref name="number"/>.</summary>
    public static MotionRecord Registered(string title, DateTimeOffset at, int number) => new()
    {
        MotionId = Guid.NewGuid().ToString("N"),
        Reference = $"A/2026/{number:D4}",
        FactionId = "spd",
        SubmitterName = "Erika Privatperson",
        SubmitterEmail = "erika@example.org",
        Title = title,
        ResolutionText = "Text",
        Justification = "Begründung",
        CreatedAt = at,
        RegisteredAt = at,
        UpdatedAt = at,
        Stage = MotionStage.Registered,
    };

    public static DateTimeOffset At(int day) => new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(day);
}
