using System.Collections.Concurrent;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// The part of a Beirat round that never changes once it is opened — its voting members and its deadline — kept per
/// process, so a vote on a round already seen needs no read of the round before it is written (<see cref="BallotStore"/>).
/// </summary>
internal sealed class KnownRounds
{
    /// <summary>Enough for every round open in a city at once; past it the memory starts over rather than grow.</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string MotionId, int Round), Round> _rounds = new();

    public sealed record Round(DateTimeOffset Deadline, IReadOnlySet<string> Members);

    public Round? Get(string motionId, int round) => _rounds.TryGetValue((motionId, round), out var known) ? known : null;

    public Round Remember(string motionId, int round, DateTimeOffset deadline, IEnumerable<string> members)
    {
        if (_rounds.Count >= Capacity)
        {
            _rounds.Clear();
        }
        var known = new Round(deadline, members.ToHashSet(StringComparer.Ordinal));
        _rounds[(motionId, round)] = known;
        return known;
    }
}
